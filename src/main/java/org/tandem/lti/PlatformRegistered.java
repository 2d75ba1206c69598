package org.tandem.lti;

/**
 * Published, within the registering transaction, when a platform is registered or its
 * registration is read again.
 *
 * @param webServices what the registration says of Moodle's web services, null when
 * silent
 */
public record PlatformRegistered(Platform platform, PlatformRegistration.WebServices webServices) {
}
