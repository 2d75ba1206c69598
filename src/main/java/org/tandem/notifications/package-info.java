/**
 * Who is told what: listens to the requests' and reworks' events, writes e-mails and
 * Moodle messages to the outbox, sends them apart, and serves the links mails carry.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "requests", "artifacts", "lti", "moodle", "system" })
package org.tandem.notifications;

import org.springframework.modulith.ApplicationModule;
