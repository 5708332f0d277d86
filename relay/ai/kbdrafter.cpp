#include "kbdrafter.h"

#include "textnormalizer.h"

#include <algorithm>

namespace Serambi::Relay {

namespace {

const QLatin1String AddressPlaceholder("{sapaan}");

QString withAddress(QString text, const QString &address)
{
    return text.replace(AddressPlaceholder, address);
}

} // namespace

KbDrafter::KbDrafter(KnowledgeBase *knowledgeBase, KbDrafterOptions options)
    : m_knowledgeBase(knowledgeBase)
    , m_options(std::move(options))
    , m_handoff(m_options.handoffKeywords)
{}

void KbDrafter::draft(const DraftRequest &request, std::function<void(const DraftResult &)> done)
{
    done(decide(request.text, request.history).draft);
}

QString KbDrafter::addressFor(const QString &text)
{
    const QStringList words =
        TextNormalizer::fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int formal = 0;
    for (const QString &word : words) {
        if (word == QLatin1String("bapak") || word == QLatin1String("ibu") ||
            word == QLatin1String("pak") || word == QLatin1String("bu"))
            formal += 2;
        else if (word == QLatin1String("mohon") || word == QLatin1String("apakah") ||
                 word == QLatin1String("selamat") || word == QLatin1String("hormat") ||
                 word == QLatin1String("ingin") || word == QLatin1String("menanyakan"))
            ++formal;
        else if (word == QLatin1String("kak") || word == QLatin1String("kakak") ||
                 word == QLatin1String("min") || word == QLatin1String("gan") ||
                 word == QLatin1String("sis") || word == QLatin1String("dong") ||
                 word == QLatin1String("gw") || word == QLatin1String("gue") ||
                 word == QLatin1String("aku") || word == QLatin1String("nih"))
            formal -= 2;
    }
    return formal >= 2 ? QStringLiteral("Bapak/Ibu") : QStringLiteral("Kak");
}

void KbDrafter::setOptions(KbDrafterOptions options)
{
    m_options = std::move(options);
    m_handoff = HandoffDetector(m_options.handoffKeywords);
}

KbDecision KbDrafter::decide(const QString &text, const QStringList &history) const
{
    KbDecision decision;
    decision.address = addressFor(text);
    const QString &address = decision.address;
    decision.handoffReason = m_handoff.reasonFor(text, history);
    decision.hits = m_knowledgeBase->search(text, 3);
    decision.confidence = KnowledgeBase::confidence(decision.hits);
    decision.abstained = decision.confidence < m_options.abstainBelow;

    DraftResult &draft = decision.draft;
    draft.handoffReason = decision.handoffReason;
    draft.handoff = !decision.handoffReason.isEmpty() || decision.abstained;
    draft.abstained = decision.abstained;
    if (!decision.handoffReason.isEmpty()) {
        draft.text = withAddress(QStringLiteral("Baik, {sapaan}. Kami sambungkan dengan tim kami, "
                                                "mohon ditunggu sebentar ya."),
                                 address);
        return decision;
    }
    if (decision.abstained) {
        draft.text = withAddress(QStringLiteral("Terima kasih sudah menghubungi kami, {sapaan}. "
                                                "Pertanyaan {sapaan} kami teruskan ke tim kami dan "
                                                "akan segera dibalas."),
                                 address);
        draft.confidence = decision.confidence;
        return decision;
    }
    const KbArticle &article = decision.hits.first().article;
    const QString greeting =
        address == QLatin1String("Kak")
            ? QStringLiteral("Halo Kak! ")
            : QStringLiteral("Terima kasih sudah menghubungi kami, Bapak/Ibu. ");
    draft.text = greeting + withAddress(article.body, address);
    draft.confidence = decision.confidence;
    draft.sources = {article.id};
    return decision;
}

} // namespace Serambi::Relay
