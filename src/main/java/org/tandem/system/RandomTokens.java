package org.tandem.system;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable tokens (session ids, login states and nonces, link tokens, correlation
 * ids), all drawn from one {@link SecureRandom}, which is safe to share between threads.
 */
public final class RandomTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomTokens() {
	}

	/** This many random bytes in lowercase hex: twice as many characters. */
	public static String hex(int bytes) {
		return HexFormat.of().formatHex(bytes(bytes));
	}

	/** This many random bytes in base64url without padding: safe in URLs and headers. */
	public static String urlSafe(int bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
	}

	private static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
