#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Serambi::Relay {

// What a drafter is asked: the customer's latest message in its conversation.
struct DraftRequest
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QString text;
    QStringList history;  // the customer's recent earlier messages in the chat, oldest first
    QString customerWaId; // the customer's phone in wa_id form; empty when Meta shared none
};

// A proposed reply. confidence is 0..1; below the relay's threshold agents must approve it.
struct DraftResult
{
    QString text;
    double confidence = 0;
    QStringList sources;    // knowledge-base article ids the draft cites
    bool handoff = false;   // a person should look at this chat
    QString handoffReason;  // why the chat must go to the human queue now (HandoffReason)
    bool abstained = false; // no answer was found: the text only says a person will reply
    bool fallback = false;  // the LLM provider failed and the offline drafter wrote this
    qint64 tokens = 0;      // tokens the LLM provider reported for this draft
};

// Writes draft replies for agents to approve. Implementations may answer asynchronously;
// done runs on the caller's thread.
class Drafter
{
public:
    virtual ~Drafter() = default;
    virtual QString name() const = 0;
    virtual void draft(const DraftRequest &request,
                       std::function<void(const DraftResult &)> done) = 0;
    // Like draft(); a streaming drafter also reports the text so far through partial.
    virtual void draftStreaming(const DraftRequest &request,
                                std::function<void(const QString &)> partial,
                                std::function<void(const DraftResult &)> done)
    {
        Q_UNUSED(partial)
        draft(request, std::move(done));
    }
    // True when one request whose text holds several customer messages (a burst, one a line)
    // is answered as a whole; otherwise the coordinator asks for each message and merges.
    virtual bool answersSeveralMessages() const { return false; }
};

} // namespace Serambi::Relay
