package org.tandem.requests.attachments;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What files a request, a reply or a note may carry.
 *
 * @param maxFileSize the largest file accepted
 * @param maxFiles how many files one message may carry
 * @param types the kinds of file accepted, by their names in {@link FileType}
 * ({@code pdf}, {@code docx}, {@code odt}...)
 */
@ConfigurationProperties("tandem.attachments")
@Validated
public record AttachmentsProperties(@DefaultValue("10MB") @NotNull DataSize maxFileSize,
		@DefaultValue("5") @Min(1) @Max(20) int maxFiles, @DefaultValue( {
				"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "png", "jpeg", "gif", "webp",
				"txt", "zip" }) @NotEmpty Set<FileType> types){

	public AttachmentsProperties {
		if (maxFileSize != null && (maxFileSize.toBytes() < 1 || maxFileSize.toMegabytes() > 100)) {
			throw new IllegalArgumentException(
					"tandem.attachments.max-file-size must be between 1B and 100MB: files are kept in the database");
		}
		types = types == null ? null : Set.copyOf(types);
	}

}
