package org.tandem.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo mailbox: the e-mails Tandem sent to the demo's mail server and the Moodle
 * messages it sent through the demo's web services, as their recipients would read them,
 * links included. A Moodle message is shown from its paragraphs and links only, never as
 * the HTML it came in, so that nothing it carries runs on the demo's page.
 */
@Controller
@Profile("demo")
class DemoMailboxController {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

	private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\">(.*?)</a>", Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private final DemoMailbox mailbox;

	private final DemoMessages messages;

	private final DemoProperties properties;

	DemoMailboxController(DemoMailbox mailbox, DemoMessages messages, DemoProperties properties) {
		this.mailbox = mailbox;
		this.messages = messages;
		this.properties = properties;
	}

	/** A piece of text, or a link when {@code href} is set. */
	record Part(String text, String href) {
	}

	record ShownMail(DemoMailbox.Mail mail, List<Part> body) {
	}

	record ShownMessage(DemoMessages.Message message, List<List<Part>> paragraphs) {
	}

	@GetMapping("/demo/mailbox")
	String mailbox(@RequestParam(name = "locale", defaultValue = "fr") String locale, HttpServletRequest request,
			Model model) {
		if (!request.getServerName().equals(properties.siteUrl().getHost())) {
			return "redirect:" + properties.url("/demo/mailbox?locale=" + ("en".equals(locale) ? "en" : "fr"));
		}
		model.addAttribute("moodleLocale", "en".equals(locale) ? "en" : "fr");
		model.addAttribute("mails", mailbox.recent().stream().map(m -> new ShownMail(m, textParts(m.body()))).toList());
		model.addAttribute("moodleMessages",
				messages.recent().stream().map(m -> new ShownMessage(m, paragraphs(m.text()))).toList());
		return "demo/mailbox";
	}

	/** A mail's text, its addresses made links. */
	static List<Part> textParts(String text) {
		List<Part> parts = new ArrayList<>();
		Matcher url = URL.matcher(text);
		int from = 0;
		while (url.find()) {
			add(parts, text.substring(from, url.start()), null);
			add(parts, url.group(), url.group());
			from = url.end();
		}
		add(parts, text.substring(from), null);
		return parts;
	}

	/** A Moodle message's paragraphs, each as text and links. */
	static List<List<Part>> paragraphs(String html) {
		List<List<Part>> paragraphs = new ArrayList<>();
		Matcher paragraph = PARAGRAPH.matcher(html);
		while (paragraph.find()) {
			List<Part> parts = new ArrayList<>();
			Matcher link = LINK.matcher(paragraph.group(1));
			int from = 0;
			while (link.find()) {
				add(parts, text(paragraph.group(1).substring(from, link.start())), null);
				String href = HtmlUtils.htmlUnescape(link.group(1));
				// only a web address is a link: no javascript: or data: in the demo's
				// page
				add(parts, text(link.group(2)), URL.matcher(href).matches() ? href : null);
				from = link.end();
			}
			add(parts, text(paragraph.group(1).substring(from)), null);
			paragraphs.add(parts);
		}
		return paragraphs;
	}

	private static void add(List<Part> parts, String text, String href) {
		if (!text.isEmpty()) {
			parts.add(new Part(text, href));
		}
	}

	private static String text(String html) {
		return HtmlUtils.htmlUnescape(TAG.matcher(html).replaceAll(""));
	}

}
