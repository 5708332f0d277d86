#pragma once

#include <QIdentityProxyModel>
#include <QListView>

namespace Serambi::App {
class MessageListModel;
}

namespace Serambi::Ui {

// Shows a MessageListModel to a view without letting QAbstractItemView fetch by itself: it
// fetches whenever the last row is visible, which for a chat (newest at the bottom) would load
// the whole history. ConversationView asks for older pages when scrolled to the top instead.
class HistoryProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
};

// The open conversation's bubbles. Stays at the bottom as messages arrive (unless the agent
// scrolled up to read), keeps its place while older pages load above.
class ConversationView : public QListView
{
    Q_OBJECT

public:
    explicit ConversationView(App::MessageListModel *messages, QWidget *parent = nullptr);

    // The wamid of the selected message, empty when none (or not yet sent).
    QString selectedWamid() const;
    QString selectedText() const;
    void clearMessageSelection();

protected:
    void verticalScrollbarValueChanged(int value) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void handleRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void handleRowsInserted(const QModelIndex &parent, int first, int last);
    void fetchOlderIfNeeded();
    bool isAtBottom() const;
    void retranslateUi();

    App::MessageListModel *m_messages;
    HistoryProxy m_proxy;
    bool m_stickToBottom = true;
    int m_anchorFromBottom = -1; // distance from the bottom kept while older rows arrive
};

} // namespace Serambi::Ui
