#include "burstdraft.h"

#include <algorithm>

namespace Serambi::Relay {

namespace {

// The text's first sentence with the space after it ("Halo Kak! "), or empty.
QString firstSentence(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        const QChar c = text.at(i);
        if ((c == QLatin1Char('!') || c == QLatin1Char('.') || c == QLatin1Char('?')) &&
            text.at(i + 1) == QLatin1Char(' '))
            return text.left(i + 2);
    }
    return {};
}

} // namespace

DraftResult mergeBurstDrafts(const QList<DraftResult> &drafts)
{
    if (drafts.isEmpty())
        return {};
    qint64 tokens = 0;
    for (const DraftResult &draft : drafts)
        tokens += draft.tokens;

    DraftResult merged = drafts.last();
    const auto handoff = std::find_if(drafts.cbegin(), drafts.cend(), [](const DraftResult &d) {
        return !d.handoffReason.isEmpty();
    });
    QList<DraftResult> answers;
    if (handoff != drafts.cend()) {
        merged = *handoff;
    } else {
        for (const DraftResult &draft : drafts) {
            const bool same =
                std::any_of(answers.cbegin(), answers.cend(), [&draft](const DraftResult &answer) {
                    return answer.sources == draft.sources;
                });
            if (!draft.abstained && !draft.handoff && !same)
                answers.append(draft);
        }
    }
    if (answers.size() == 1)
        merged = answers.first();
    if (answers.size() > 1) {
        merged = answers.first();
        const QString greeting = firstSentence(merged.text);
        for (qsizetype i = 1; i < answers.size(); ++i) {
            const DraftResult &answer = answers.at(i);
            const bool repeats = !greeting.isEmpty() && answer.text.startsWith(greeting);
            merged.text +=
                QLatin1String("\n\n") + (repeats ? answer.text.mid(greeting.size()) : answer.text);
            merged.confidence = std::min(merged.confidence, answer.confidence);
            for (const QString &source : answer.sources)
                if (!merged.sources.contains(source))
                    merged.sources.append(source);
            merged.fallback = merged.fallback || answer.fallback;
        }
    }
    merged.tokens = tokens;
    return merged;
}

} // namespace Serambi::Relay
