// libFuzzer target: the relay's webhook parser on arbitrary request bodies (docs/reliability.md).
#include "relay/whatsapp/webhookparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto batch = Serambi::Relay::parseWebhook(body, &error);
    // A refusal always says why; an accepted body never carries an error.
    if (!batch && error.isEmpty())
        __builtin_trap();
    return 0;
}
