package io.askhr.config;

/** A setting is missing or invalid; the message names the variable and what is expected. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
