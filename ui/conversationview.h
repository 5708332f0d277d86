#pragma once

#include <QListView>
#include <QSortFilterProxyModel>

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
//
// Of a long chat it shows only the newest rows (a window of Window rows, or more as the agent
// scrolls up: showOlder), so that opening a chat or resizing the window lays out a few hundred
// bubbles, not thousands; every bubble's height depends on the width. Messages older than the
// window stay in the model and appear as the agent scrolls up to them.
// It also answers Qt::AccessibleTextRole with the bubble in words, for screen readers.
class HistoryProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    static constexpr int Window = 150; // newest rows shown after opening or returning down
    static constexpr int Step = 100;   // older rows revealed at a time

    explicit HistoryProxy(QObject *parent = nullptr);
    void setMessages(App::MessageListModel *messages);
    bool canFetchMore(const QModelIndex &) const override { return false; }
    QVariant data(const QModelIndex &index, int role) const override;
    void setDescriber(std::function<QString(const QModelIndex &)> describer)
    {
        m_describer = std::move(describer);
    }
    // Loaded messages older than the oldest row shown.
    bool hidesOlder() const;
    // Shows up to rows more of the loaded older messages.
    void showOlder(int rows);
    // Shows at least everything from the message with this id on, and a Step of older ones.
    void showFrom(qint64 messageId);
    // Back to the newest Window rows.
    void showNewestOnly();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    qint64 idAt(int sourceRow) const;
    void setOldestShown(qint64 id);

    std::function<QString(const QModelIndex &)> m_describer;
    // Id of the oldest message shown; 0 shows every loaded message, -1 not yet decided (after
    // the model was reset: the newest Window rows).
    mutable qint64 m_oldestShown = -1;
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
