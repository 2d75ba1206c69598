/**
 * The designers' work made visible: the service's activity report, its exports, and a
 * teacher's record of the help their course received. It reads the requests and the
 * course artifacts through their public types only.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "requests", "artifacts", "lti", "system" })
package org.tandem.reports;

import org.springframework.modulith.ApplicationModule;
