package org.tandem.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tandem.admin.EngineersController.EngineerForm;
import org.tandem.admin.WebServicesController.WebServicesForm;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistry;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.WebServiceConnection;
import org.tandem.notifications.Recipients;
import org.tandem.notifications.Recipients.Reach;

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

	private final Recipients recipients;

	AdminPage(Directory directory, MoodleSites sites, PlatformRegistry registry, Recipients recipients) {
		this.directory = directory;
		this.sites = sites;
		this.registry = registry;
		this.recipients = recipients;
	}

	String show(LaunchSession launch, Model model) {
		Platform platform = registry.byId(launch.platformId()).orElseThrow();
		Optional<WebServiceConnection> connection = sites.connection(platform.id());
		List<Directory.Engineer> engineers = directory.engineers(platform.id());
		model.addAttribute("engineers", engineers);
		// who hears of new requests, and who does not: nothing else would tell
		Map<Long, Reach> reach = engineers.stream()
			.collect(Collectors.toMap(Directory.Engineer::id, engineer -> recipients.reach(platform.id(), engineer),
					(a, b) -> a));
		model.addAttribute("reach", reach);
		model.addAttribute("unreachable", reach.values().stream().filter(Reach.NONE::equals).count());
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
