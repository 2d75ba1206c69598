/**
 * Where a launch lands: the page of the person's role, or the request a mail link was
 * followed for, and what every page shows of the launch.
 */
@ApplicationModule(displayName = "Home", allowedDependencies = { "lti", "moodle", "notifications", "system" })
package org.tandem.home;

import org.springframework.modulith.ApplicationModule;
