package org.tandem.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends an error whose page says more than its status does (why a form was refused), with
 * the words under a message key of its own ({@code <key>.title}, {@code <key>.detail}).
 */
public final class ErrorReason {

	static final String ATTRIBUTE = ErrorReason.class.getName();

	private ErrorReason() {
	}

	/**
	 * @param messageKey the page's words; null for those of the status
	 * @param logDetail what the log line says happened; never a secret
	 */
	public static void send(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
			String logDetail) throws IOException {
		if (messageKey != null) {
			request.setAttribute(ATTRIBUTE, messageKey);
		}
		response.sendError(status, logDetail);
	}

}
