/**
 * A small LTI platform built in for trying Tandem without a Moodle: real OIDC flow,
 * signed tokens, Moodle-shaped web services. It talks to Tandem over HTTP only, as Moodle
 * does; never active in production.
 */
@ApplicationModule(displayName = "Demo platform", allowedDependencies = "system")
package org.tandem.demo;

import org.springframework.modulith.ApplicationModule;
