/**
 * The platform administrator's page: the engineers of the platform (and whether Tandem
 * can tell them of new requests) and its Moodle web services.
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = { "lti", "moodle", "notifications", "system" })
package org.tandem.admin;

import org.springframework.modulith.ApplicationModule;
