#pragma once

namespace Serambi::Protocol {

// The console <-> relay wire protocol version (docs/protocol.md). Bump on incompatible changes.
inline constexpr int Version = 1;

// Largest frame either side accepts; larger frames are refused with ErrorCode::FrameTooLarge.
inline constexpr int MaxFrameBytes = 1024 * 1024;

} // namespace Serambi::Protocol
