/**
 * The Gaimace wire protocol: the message records, their JSON codec, identifiers and NATS subjects.
 *
 * <ul>
 *   <li>{@link io.gaimace.protocol.GaimaceMessage} is the sealed family of the protocol's message
 *       formats.
 *   <li>{@link io.gaimace.protocol.ProtocolCodec} turns messages into JSON bytes and back,
 *       rejecting malformed or hostile input with a {@link io.gaimace.protocol.ProtocolException}
 *       that names the offending field.
 *   <li>{@link io.gaimace.protocol.Ids}, {@link io.gaimace.protocol.Dialogue} and {@link
 *       io.gaimace.protocol.Subjects} keep user and room ids safe to embed in subjects, and give
 *       every dialogue exactly one id and one subject.
 * </ul>
 *
 * <p>Every type here is immutable and thread-safe. Parameters and return values are non-null unless
 * documented as nullable.
 */
package io.gaimace.protocol;
