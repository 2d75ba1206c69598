package org.tandem.admin;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.moodle.MoodleException;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.SiteAddresses;
import org.tandem.moodle.SiteUrlRefused;

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
 * characters. The address must be on the platform's own site host
 * ({@link SiteAddresses}).
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
		URI platformSite = registry.byId(launch.platformId()).orElseThrow().siteUrl();
		try {
			// Checked before the token's mistakes stop the form (connect checks it too),
			// so
			// that the page says them all.
			URI siteUrl = errors.hasFieldErrors("siteUrl") ? null
					: SiteAddresses.accepted(form.siteUrl(), platformSite);
			if (!errors.hasErrors()) {
				sites.connect(launch.platformId(), platformSite, siteUrl, form.token(), "admin");
				return "redirect:/admin";
			}
		}
		catch (SiteUrlRefused ex) {
			if (ex.reason() == SiteUrlRefused.Reason.OTHER_HOST) {
				errors.rejectValue("siteUrl", "admin.web-services.site-url.other-host",
						new Object[] { ex.platformHost() }, null);
			}
			else {
				errors.rejectValue("siteUrl", "admin.web-services.site-url.invalid");
			}
		}
		catch (MoodleException ex) {
			if (ex.problem() == MoodleException.Problem.INVALID_TOKEN) {
				errors.rejectValue("token", ex.problem().key());
			}
			else {
				errors.reject(ex.problem().key());
			}
		}
		return page.show(launch, model);
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

}
