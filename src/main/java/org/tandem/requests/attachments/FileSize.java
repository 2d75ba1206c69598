package org.tandem.requests.attachments;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.context.MessageSourceResolvable;

/**
 * A size as people read it, in the bundles' words ({@code 1,5 Mo}, {@code 1.5 MB}): a
 * message argument the bundles resolve, or {@code #{${size.key()}(${size.amount()})}} in
 * a template.
 */
public record FileSize(long bytes) implements MessageSourceResolvable {

	private static final long KB = 1024;

	private static final long MB = 1024 * KB;

	public String key() {
		return bytes < MB ? "attachment.size.kb" : "attachment.size.mb";
	}

	/** Rounded up, so that a file just above the limit never reads as the limit. */
	public BigDecimal amount() {
		return bytes < MB ? BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(KB), 0, RoundingMode.CEILING)
				: BigDecimal.valueOf(bytes)
					.divide(BigDecimal.valueOf(MB), 1, RoundingMode.CEILING)
					.stripTrailingZeros();
	}

	@Override
	public String[] getCodes() {
		return new String[] { key() };
	}

	@Override
	public Object[] getArguments() {
		return new Object[] { amount() };
	}

}
