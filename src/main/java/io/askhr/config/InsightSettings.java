package io.askhr.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how long AskHR keeps insight (answers, feedback, escalations).
 *
 * @param databaseUrl a PostgreSQL JDBC URL ({@code DATABASE_URL}); absent: SQLite under the data folder
 * @param salt secret key for pseudonymous asker ids ({@code INSIGHT_SALT}); absent: one is generated and kept in the
 *     data folder
 * @param retention how long records are kept ({@code INSIGHT_RETENTION}, default 90 days)
 * @param dashboardToken protects {@code /hr} ({@code HR_DASHBOARD_TOKEN}); absent: the dashboard is off
 */
public record InsightSettings(
    Optional<String> databaseUrl, Optional<String> salt, Duration retention, Optional<String> dashboardToken) {

  @Override
  public String toString() {
    return "InsightSettings[databaseUrl=" + databaseUrl.map(InsightSettings::withoutCredentials).orElse("(SQLite)")
        + ", salt=" + Settings.mask(salt.orElse("")) + ", retention=" + retention + ", dashboardToken="
        + Settings.mask(dashboardToken.orElse("")) + "]";
  }

  /** A JDBC URL as it may be logged: query parameters (which can hold a password) and user info dropped. */
  static String withoutCredentials(String url) {
    String noQuery = url.replaceAll("\\?.*$", "");
    return noQuery.replaceAll("//[^/@]*@", "//");
  }
}
