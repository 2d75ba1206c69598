/**
 * LTI 1.3: platform registrations and deployments, the tool's keys, OIDC login, launch
 * validation and the launch session. Its root is its contract: the launch session and
 * roles, the directory of people and courses launches made known, the platform registry
 * and its registration event. It knows nothing of what builds on it.
 */
@ApplicationModule(displayName = "LTI", allowedDependencies = "system")
package org.tandem.lti;

import org.springframework.modulith.ApplicationModule;
