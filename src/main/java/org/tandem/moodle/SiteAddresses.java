package org.tandem.moodle;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a platform's web services may be called: a site's address (http or https, no
 * credentials, query or fragment, which a wwwroot never has) on the platform's own site
 * host, so that a platform's administrator cannot make Tandem call other servers of
 * Tandem's network. Tandem's operator may name another address in the registration file,
 * which does not come through here.
 */
public final class SiteAddresses {

	private SiteAddresses() {
	}

	/**
	 * The address as typed (surrounding blanks ignored), when web services may be called
	 * there.
	 * @throws SiteUrlRefused otherwise
	 */
	public static URI accepted(String typed, URI platformSite) {
		URI uri;
		try {
			uri = new URI(typed.strip());
		}
		catch (URISyntaxException ex) {
			throw new SiteUrlRefused(SiteUrlRefused.Reason.NOT_A_SITE, typed, platformSite);
		}
		return require(uri, platformSite);
	}

	/**
	 * This address, when web services may be called there.
	 * @throws SiteUrlRefused otherwise
	 */
	static URI require(URI siteUrl, URI platformSite) {
		if (!isSiteAddress(siteUrl)) {
			throw new SiteUrlRefused(SiteUrlRefused.Reason.NOT_A_SITE, siteUrl.toString(), platformSite);
		}
		if (!siteUrl.getHost().equalsIgnoreCase(platformSite.getHost())) {
			throw new SiteUrlRefused(SiteUrlRefused.Reason.OTHER_HOST, siteUrl.toString(), platformSite);
		}
		return siteUrl;
	}

	private static boolean isSiteAddress(URI uri) {
		return uri.getScheme() != null
				&& (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
				&& uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
				&& uri.getRawFragment() == null;
	}

}
