#pragma once

#include "drafter.h"
#include "store/event.h"

#include <QObject>

namespace Serambi::Relay {

class StoreWriter;

// Asks the drafter for a reply to every new customer message (and whenever an agent asks for
// a new draft) in a conversation whose AI is not off, stores it as the conversation's pending
// draft (superseding an older one) and publishes draft.updated. A draft for a message that is
// no longer the latest is dropped: the newer message gets its own.
class DraftCoordinator : public QObject
{
    Q_OBJECT

public:
    DraftCoordinator(StoreWriter *writer, Drafter *drafter, QObject *parent = nullptr);

public Q_SLOTS:
    void handleEvents(const Serambi::Relay::EventList &events);

Q_SIGNALS:
    void draftStored(qint64 conversationId);

private:
    void requestDraft(const DraftRequest &request);
    void redraft(qint64 conversationId, qint64 messageId);
    void storeDraft(const DraftRequest &request, const DraftResult &result);

    StoreWriter *m_writer;
    Drafter *m_drafter;
};

} // namespace Serambi::Relay
