package org.tandem.moodle;

import java.net.URI;

/**
 * An address Tandem will not call a platform's web services at (see
 * {@link SiteAddresses}); nothing was called.
 */
public class SiteUrlRefused extends RuntimeException {

	/** Why the address is refused. */
	public enum Reason {

		/**
		 * Not the address of a site's pages: not http(s), or with credentials, query or
		 * fragment.
		 */
		NOT_A_SITE,
		/** A site, but not on the platform's own site host. */
		OTHER_HOST

	}

	private final Reason reason;

	private final String platformHost;

	public SiteUrlRefused(Reason reason, String address, URI platformSite) {
		super(reason + ": " + address);
		this.reason = reason;
		this.platformHost = platformSite.getHost();
	}

	public Reason reason() {
		return reason;
	}

	/** The only host web services may be called on, which a page may name. */
	public String platformHost() {
		return platformHost;
	}

}
