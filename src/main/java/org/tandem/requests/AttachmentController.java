package org.tandem.requests;

import org.tandem.lti.LaunchSession;
import org.tandem.requests.attachments.Attachments;
import org.tandem.requests.attachments.Download;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A file of a request, for those who see the request: its course's teachers and its
 * platform's engineers; an internal note's files for engineers only. Anything else, a
 * file of another request included, is "not found", as a request one may not see is.
 */
@Controller
class AttachmentController {

	private final HelpDesk desk;

	private final Attachments attachments;

	AttachmentController(HelpDesk desk, Attachments attachments) {
		this.desk = desk;
		this.attachments = attachments;
	}

	@GetMapping("/requests/{id}/attachments/{attachment}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@PathVariable long attachment) {
		HelpRequest request = desk.visible(launch, id);
		Download file = attachments.download(request.id(), attachment, HelpDesk.isEngineerOf(launch, request))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok().headers(file.headers()).body(file.content());
	}

}
