/**
 * Moodle's web services (course contents, updates since, messages), each platform's site
 * and token, and every Moodle URL. Of LTI it knows only the registration event, which may
 * name a platform's web services.
 */
@ApplicationModule(displayName = "Moodle", allowedDependencies = { "lti", "system" })
package org.tandem.moodle;

import org.springframework.modulith.ApplicationModule;
