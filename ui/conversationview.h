#pragma once

#include <QIdentityProxyModel>
#include <QListView>

#include <functional>

namespace Serambi::App {
class MediaCache;
class MessageListModel;
} // namespace Serambi::App

namespace Serambi::Ui {

class AudioPlayback;
class BubbleActions;
class MessageDelegate;

// Shows a MessageListModel to a view without letting QAbstractItemView fetch by itself: it
// fetches whenever the last row is visible, which for a chat (newest at the bottom) would load
// the whole history. ConversationView asks for older pages when scrolled to the top instead.
// It also answers Qt::AccessibleTextRole with the bubble in words, for screen readers.
class HistoryProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    QVariant data(const QModelIndex &index, int role) const override;
    void setDescriber(std::function<QString(const QModelIndex &)> describer)
    {
        m_describer = std::move(describer);
    }

private:
    std::function<QString(const QModelIndex &)> m_describer;
};

// The open conversation's bubbles. Stays at the bottom as messages arrive (unless the agent
// scrolled up to read), keeps its place while older pages load above. A click on a bubble's
// media, button or quote (or Enter on the selected bubble) does what the bubble offers.
class ConversationView : public QListView
{
    Q_OBJECT

public:
    ConversationView(App::MessageListModel *messages, App::MediaCache *media,
                     QWidget *parent = nullptr);

    // The wamid of the selected message, empty when none (or not yet sent).
    QString selectedWamid() const;
    QString selectedText() const;
    void clearMessageSelection();
    // Selects and shows the message with that wamid, if it is loaded.
    bool showMessage(const QString &wamid);
    MessageDelegate *messageDelegate() const { return m_delegate; }

Q_SIGNALS:
    // The agent asked the relay to download a failed inbound media message again.
    void retryMediaRequested(qint64 messageId);

protected:
    void verticalScrollbarValueChanged(int value) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void handleRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void handleRowsInserted(const QModelIndex &parent, int first, int last);
    void fetchOlderIfNeeded();
    // Bubbles showing this media measure themselves again.
    void relayoutMedia(const QString &key);
    bool isAtBottom() const;
    void retranslateUi();

    App::MessageListModel *m_messages;
    HistoryProxy m_proxy;
    AudioPlayback *m_audio;
    MessageDelegate *m_delegate;
    BubbleActions *m_actions;
    bool m_stickToBottom = true;
    int m_anchorFromBottom = -1; // distance from the bottom kept while older rows arrive
};

} // namespace Serambi::Ui
