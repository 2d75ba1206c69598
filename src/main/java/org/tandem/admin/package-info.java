/**
 * The platform administrator's page: the engineers of the platform and its Moodle web
 * services.
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = { "lti", "moodle", "system" })
package org.tandem.admin;

import org.springframework.modulith.ApplicationModule;
