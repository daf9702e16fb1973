#pragma once

#include <QtGlobal>

// The bounds an upstream's answer must stay within, for every caller of the upstream client
// (the client's side of the router is bounded by HttpLimits).
namespace UpstreamLimits {

// The most bytes one answer's body may have once its Content-Encoding is undone. Two things
// are held to it:
// - a non-streamed answer, which is kept whole in memory until it has been read, so this is
//   the memory one attempt may take (FailoverSession);
// - the inflated bytes of a compressed answer, streamed or not (ContentDecoder): a few KB of
//   gzip can stand for gigabytes, so an inflated total is counted however it is consumed.
// An uncompressed stream has no total: it is parsed event by event (each event bounded by its
// decoder), every byte of it crossed the network, and the request's deadline ends it.
// Generous on purpose: real answers, even long completions or batches of embeddings, are a few
// MiB; an answer beyond this fails over like a broken one.
inline constexpr qsizetype maxBodyBytes = 64 * 1024 * 1024;

// The most bytes the header fields of an answer may have.
inline constexpr qsizetype maxHeaderBytes = 64 * 1024;

} // namespace UpstreamLimits
