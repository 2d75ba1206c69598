package org.tandem.lti.session;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.lti.LaunchSession;
import org.tandem.system.SupportedLocales;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Pages speak the language of the launch ({@code launch_presentation.locale}); before a
 * launch, or when Moodle's language is not one Tandem speaks, the browser's language;
 * French when nothing else says.
 */
class LaunchLocaleResolver implements LocaleResolver {

	private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

	LaunchLocaleResolver() {
		browser.setSupportedLocales(SupportedLocales.ALL);
		browser.setDefaultLocale(SupportedLocales.DEFAULT);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof LaunchSession session
				&& session.locale() != null) {
			return session.locale();
		}
		return browser.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language comes from the launch");
	}

}
