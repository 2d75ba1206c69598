package org.tandem.admin;

import java.util.Optional;

import org.tandem.admin.EngineersController.EngineerForm;
import org.tandem.admin.WebServicesController.WebServicesForm;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistry;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.WebServiceConnection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The platform administrator's page: the platform's engineers and its Moodle web
 * services, each section with its form. A controller that shows a form's mistakes puts
 * that form in the model first; the other form starts empty.
 */
@Component
class AdminPage {

	private final Directory directory;

	private final MoodleSites sites;

	private final PlatformRegistry registry;

	AdminPage(Directory directory, MoodleSites sites, PlatformRegistry registry) {
		this.directory = directory;
		this.sites = sites;
		this.registry = registry;
	}

	String show(LaunchSession launch, Model model) {
		Platform platform = registry.byId(launch.platformId()).orElseThrow();
		Optional<WebServiceConnection> connection = sites.connection(platform.id());
		model.addAttribute("engineers", directory.engineers(platform.id()));
		if (!model.containsAttribute("engineerForm")) {
			model.addAttribute("engineerForm", new EngineerForm("", ""));
		}
		if (!model.containsAttribute("webServicesForm")) {
			model.addAttribute("webServicesForm", new WebServicesForm(platform.siteUrl().toString(), null));
		}
		model.addAttribute("canKeepTokens", sites.canKeepTokens());
		model.addAttribute("connection", connection.orElse(null));
		// A token kept under another key cannot be used: the administrator must set it
		// again.
		model.addAttribute("tokenUnreadable",
				connection.isPresent() && sites.canKeepTokens() && sites.of(platform.id()).isEmpty());
		return "admin/platform";
	}

}
