package org.tandem.moodle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Moodle user as {@code core_user_get_users_by_field} describes them. Moodle leaves out
 * the e-mail address when the service account may not see it ({@code email} is then
 * null).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoodleUser(long id, String fullname, String email, String lang) {
}
