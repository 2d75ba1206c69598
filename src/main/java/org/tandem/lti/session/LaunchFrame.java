package org.tandem.lti.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.tandem.lti.LaunchSession;

/**
 * The frame a launch opens in, as far as Tandem can tell. Nothing of the frame itself
 * reaches Tandem: Moodle posts the launch from its own page (no cookie, no session id,
 * and Moodle has no LTI platform storage), and its page rebuilds the iframe at every
 * visit. What the launch says is what stays the same when a person opens the same Tandem
 * activity again in the same browser: the platform, the person, the course, the link
 * launched (or deep linking) and the browser ({@code User-Agent}). Another activity,
 * another course, or the same activity on another device keep their own session.
 */
record LaunchFrame(String key) {

	/**
	 * A digest, so that the key fits Spring Session's principal-name column and keeps
	 * neither the person's id nor the browser in clear.
	 */
	static LaunchFrame of(LaunchSession launch, String userAgent) {
		String link = launch.resourceLinkId() != null ? "link " + launch.resourceLinkId()
				: String.valueOf(launch.messageType());
		String frame = String.join("\n", Long.toString(launch.platformId()), launch.subject(), launch.contextId(), link,
				userAgent == null ? "" : userAgent);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(frame.getBytes(StandardCharsets.UTF_8));
			return new LaunchFrame("frame:" + HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
