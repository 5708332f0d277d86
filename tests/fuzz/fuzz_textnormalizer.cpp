// libFuzzer target: the knowledge base's text normaliser (relay/ai/textnormalizer.h), on UTF-8
// text as customers type it and on raw UTF-16 (a JSON body's "\ud800" escapes give unpaired
// surrogates).
#include "relay/ai/textnormalizer.h"

#include <cstddef>
#include <cstdint>

using namespace Serambi::Relay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const qsizetype length = qsizetype(size - 1);
    const QString text = data[0] & 1 ? QString::fromUtf8(bytes, length)
                                     : QString(reinterpret_cast<const QChar *>(bytes), length / 2);
    TextNormalizer::fold(text);
    for (const QString &word : TextNormalizer::words(text)) {
        TextNormalizer::stem(word);
        TextNormalizer::isStopWord(word);
    }
    for (const QString &term : TextNormalizer::terms(text)) {
        if (term.isEmpty())
            __builtin_trap();
    }
    return 0;
}
