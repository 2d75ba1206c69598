package org.tandem.admin;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.moodle.MoodleException;
import org.tandem.moodle.MoodleSites;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The platform's Moodle web services, on the administrator's page: a token is checked
 * with Moodle before it is kept, and the page never shows it back, only its last
 * characters. The address must be on the platform's own site host: a platform's
 * administrator must not make Tandem call other servers of Tandem's network (Tandem's
 * operator may name another address in the registration file).
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class WebServicesController {

	private final MoodleSites sites;

	private final PlatformRegistry registry;

	private final AdminPage page;

	WebServicesController(MoodleSites sites, PlatformRegistry registry, AdminPage page) {
		this.sites = sites;
		this.registry = registry;
		this.page = page;
	}

	record WebServicesForm(
			@NotBlank(message = "{admin.web-services.site-url.required}") @Size(max = 1024,
					message = "{request.form.too-long}") String siteUrl,
			@NotEmpty(message = "{admin.web-services.token.required}") @Size(max = 128,
					message = "{admin.web-services.token.invalid}") @Pattern(regexp = "\\S*",
							message = "{admin.web-services.token.invalid}") String token) {

		@Override
		public String toString() {
			return "WebServicesForm[" + siteUrl + "]";
		}

	}

	@PostMapping("/admin/web-services")
	String connect(@AuthenticationPrincipal LaunchSession launch,
			@Valid @ModelAttribute("webServicesForm") WebServicesForm form, BindingResult errors, Model model) {
		if (!sites.canKeepTokens()) {
			// The section says what Tandem's operator must do.
			return page.show(launch, model);
		}
		URI siteUrl = errors.hasFieldErrors("siteUrl") ? null : siteUrl(launch, form.siteUrl(), errors);
		if (errors.hasErrors()) {
			return page.show(launch, model);
		}
		try {
			sites.connect(launch.platformId(), siteUrl, form.token(), "admin");
		}
		catch (MoodleException ex) {
			if (ex.problem() == MoodleException.Problem.INVALID_TOKEN) {
				errors.rejectValue("token", ex.problem().key());
			}
			else {
				errors.reject(ex.problem().key());
			}
			return page.show(launch, model);
		}
		return "redirect:/admin";
	}

	@PostMapping("/admin/web-services/check")
	String check(@AuthenticationPrincipal LaunchSession launch, Model model) {
		try {
			sites.check(launch.platformId());
		}
		catch (MoodleException ex) {
			model.addAttribute("checkProblem", ex.problem().key());
			return page.show(launch, model);
		}
		return "redirect:/admin";
	}

	@PostMapping("/admin/web-services/delete")
	String remove(@AuthenticationPrincipal LaunchSession launch) {
		sites.disconnect(launch.platformId());
		return "redirect:/admin";
	}

	/**
	 * An absolute http(s) address on the platform's site host, or null and the field's
	 * error.
	 */
	private URI siteUrl(LaunchSession launch, String value, BindingResult errors) {
		URI uri;
		try {
			uri = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		if (uri == null || !isSiteAddress(uri)) {
			errors.rejectValue("siteUrl", "admin.web-services.site-url.invalid");
			return null;
		}
		String host = registry.byId(launch.platformId()).orElseThrow().siteUrl().getHost();
		if (!uri.getHost().equalsIgnoreCase(host)) {
			errors.rejectValue("siteUrl", "admin.web-services.site-url.other-host", new Object[] { host }, null);
			return null;
		}
		return uri;
	}

	/**
	 * Where Moodle's pages are: no credentials, query or fragment, which a wwwroot never
	 * has.
	 */
	private static boolean isSiteAddress(URI uri) {
		return uri.getScheme() != null
				&& (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
				&& uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
				&& uri.getRawFragment() == null;
	}

}
