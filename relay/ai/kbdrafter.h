#pragma once

#include "drafter.h"
#include "handoffdetector.h"
#include "knowledgebase.h"

namespace Serambi::Relay {

struct KbDrafterOptions
{
    // Below this confidence the drafter abstains: a holding reply, flagged for a person.
    double abstainBelow = 0.5;
    QStringList handoffKeywords;
};

// Everything the offline drafter decided about one message (what `kb query` prints).
struct KbDecision
{
    QList<KbHit> hits;
    double confidence = 0;
    bool abstained = false;
    QString handoffReason;
    QString address; // "Kak" or "Bapak/Ibu"
    DraftResult draft;
};

// The offline knowledge-base drafter: answers with the best article, in the customer's
// register, citing it; abstains (and flags the chat) when no article fits well enough.
class KbDrafter final : public Drafter
{
public:
    KbDrafter(KnowledgeBase *knowledgeBase, KbDrafterOptions options);

    QString name() const override { return QStringLiteral("knowledge-base"); }
    void draft(const DraftRequest &request, std::function<void(const DraftResult &)> done) override;

    // history: the customer's earlier messages in the chat, oldest first (for escalation).
    KbDecision decide(const QString &text, const QStringList &history = {}) const;

    // "Bapak/Ibu" when the customer writes formally, else "Kak".
    static QString addressFor(const QString &text);

    // A reloaded configuration's threshold and handoff keywords.
    void setOptions(KbDrafterOptions options);

private:
    KnowledgeBase *m_knowledgeBase;
    KbDrafterOptions m_options;
    HandoffDetector m_handoff;
};

} // namespace Serambi::Relay
