package dev.argus.frontend.override;

/**
 * The body of {@code POST /api/v1/overrides}: {@code sha256} with allow or block, or {@code engine} and
 * {@code threat} with false-positive; {@code reason} always.
 */
record OverrideRequest(String sha256, String engine, String threat, String action, String reason) {
}
