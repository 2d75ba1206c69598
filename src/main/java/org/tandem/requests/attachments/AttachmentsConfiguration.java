package org.tandem.requests.attachments;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** How large a form with files the server reads, from the attachments' limits. */
@Configuration(proxyBeanMethods = false)
class AttachmentsConfiguration {

	/** Room for the form's text beside its files. */
	private static final DataSize FORM_TEXT = DataSize.ofMegabytes(1);

	/**
	 * No limit per file, and room for one file more than allowed: a file too large, or
	 * one too many, is read and refused on the form, which comes back as it was typed
	 * (the server's own refusal would lose it). Only a form beyond that is cut short.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(AttachmentsProperties limits) {
		long maxRequest = (limits.maxFiles() + 1) * limits.maxFileSize().toBytes() + FORM_TEXT.toBytes();
		return new MultipartConfigElement("", -1, maxRequest, 0);
	}

}
