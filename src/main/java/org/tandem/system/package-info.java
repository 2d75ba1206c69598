/**
 * What every module stands on: error pages, correlation ids (carried into background
 * work), the clock, time formats, languages, and the resubmission of unhandled events. It
 * uses no other module.
 */
@ApplicationModule(displayName = "System", allowedDependencies = {})
package org.tandem.system;

import org.springframework.modulith.ApplicationModule;
