#pragma once

#include "commandrunner.h"

namespace Serambi::Relay {

// send_media: an uploaded file (POST /media) to the customer, checked against
// protocol/medialimits.h (caption, filename, voice) before anything is queued.
CommandReply sendMedia(CommandContext &context);
// retry_media: a failed inbound download back to pending (the MediaDownloader fetches it).
CommandReply retryMedia(CommandContext &context);

} // namespace Serambi::Relay
