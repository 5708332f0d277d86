#include "richmessaging.h"

#include "app/mediauploader.h"
#include "app/messagelistmodel.h"
#include "app/openconversation.h"
#include "app/session.h"
#include "attachmentstrip.h"
#include "canneddialog.h"
#include "cannedpopup.h"
#include "composer.h"
#include "composerpanel.h"
#include "conversationview.h"
#include "draftchoices.h"
#include "draftpanel.h"
#include "errortext.h"
#include "interactivebuilder.h"
#include "templatepicker.h"

#include "protocol/channelpayload.h"
#include "protocol/errorcode.h"
#include "protocol/medialimits.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMimeData>

#include <utility>

namespace Serambi::Ui {

namespace {
using Roles = App::MessageListModel::Roles;

QAction *makeAction(QObject *parent, const QKeySequence &shortcut)
{
    auto *action = new QAction(parent);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}
} // namespace

RichMessaging::RichMessaging(App::OpenConversation *chat, App::Session *session,
                             App::CannedResponses *canned, App::MessageTemplates *templates,
                             App::MediaUploader *uploader, ComposerPanel *composer,
                             ConversationView *view, DraftPanel *draft, QWidget *window)
    : QObject(window)
    , m_chat(chat)
    , m_session(session)
    , m_cannedResponses(canned)
    , m_templates(templates)
    , m_uploader(uploader)
    , m_composer(composer)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_window(window)
    , m_canned(new CannedPopup(
          canned, composer->editor(),
          [chat] {
              const App::Conversation *conversation = chat->conversation();
              return conversation ? conversation->name : QString();
          },
          window))
    , m_attachAction(makeAction(this, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)))
    , m_interactiveAction(makeAction(this, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)))
    , m_templateAction(makeAction(this, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)))
    , m_reactAction(makeAction(this, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)))
    , m_cannedAction(makeAction(this, {}))
{
    connect(m_attachAction, &QAction::triggered, this, &RichMessaging::attachFile);
    connect(m_interactiveAction, &QAction::triggered, this, &RichMessaging::openInteractiveBuilder);
    connect(m_templateAction, &QAction::triggered, this, &RichMessaging::openTemplatePicker);
    connect(m_reactAction, &QAction::triggered, this, &RichMessaging::showReactionMenu);
    connect(m_cannedAction, &QAction::triggered, this, &RichMessaging::openCannedManager);

    connect(composer, &ComposerPanel::attachRequested, this, &RichMessaging::attachFile);
    connect(composer, &ComposerPanel::interactiveRequested, this,
            &RichMessaging::openInteractiveBuilder);
    connect(composer, &ComposerPanel::templateRequested, this, &RichMessaging::openTemplatePicker);
    connect(composer, &ComposerPanel::mediaSendRequested, this, &RichMessaging::sendMedia);
    connect(composer->attachmentStrip(), &AttachmentStrip::cancelRequested, this, [this] {
        if (m_uploading)
            m_uploader->cancel();
    });
    connect(draft, &DraftPanel::interactiveRequested, this, &RichMessaging::openBuilderFromDraft);

    connect(uploader, &App::MediaUploader::progress, this, [this](qint64 sent, qint64 total) {
        if (m_uploading)
            m_composer->attachmentStrip()->setProgress(sent, total);
    });
    connect(uploader, &App::MediaUploader::finished, this, &RichMessaging::handleUploaded);
    connect(uploader, &App::MediaUploader::failed, this, &RichMessaging::handleUploadFailed);

    // Drops anywhere on the chat become an attachment.
    m_viewport->setAcceptDrops(true);
    m_viewport->installEventFilter(this);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, &RichMessaging::showContextMenu);

    connect(chat, &App::OpenConversation::opened, this, &RichMessaging::refreshCapabilities);
    // The welcome lists the relay's channels.
    connect(session, &App::Session::currentUserChanged, this, &RichMessaging::refreshCapabilities);

    window->installEventFilter(this);
    retranslate();
}

QList<QAction *> RichMessaging::actions() const
{
    return {m_attachAction, m_interactiveAction, m_templateAction, m_reactAction};
}

QStringList RichMessaging::reactionEmojis()
{
    return {QStringLiteral("\U0001F44D"), QStringLiteral("\u2764\uFE0F"),
            QStringLiteral("\U0001F602"), QStringLiteral("\U0001F62E"),
            QStringLiteral("\U0001F622"), QStringLiteral("\U0001F64F")};
}

void RichMessaging::retranslate()
{
    m_attachAction->setText(tr("&Attach a file…"));
    m_interactiveAction->setText(tr("&Buttons or list…"));
    m_templateAction->setText(tr("&Template…"));
    m_reactAction->setText(tr("&React to the message…"));
    m_cannedAction->setText(tr("&Saved replies…"));
    refreshCapabilities();
}

Protocol::ChannelPayload RichMessaging::channelOfChat() const
{
    const App::Conversation *conversation = m_chat->conversation();
    if (conversation) {
        for (const Protocol::ChannelPayload &channel : m_session->channels()) {
            if (channel.name == conversation->channel)
                return channel;
        }
    }
    return {};
}

void RichMessaging::refreshCapabilities()
{
    const Protocol::ChannelPayload channel = channelOfChat();
    const Protocol::ChannelCapabilitiesPayload &can = channel.capabilities;
    const bool anyMedia = !can.media || !can.media->isEmpty();
    m_attachAction->setEnabled(anyMedia);
    m_interactiveAction->setEnabled(can.interactive);
    m_templateAction->setEnabled(can.templates);
    m_reactAction->setEnabled(can.reactions);
    const QString number = channel.provider.isEmpty()
                               ? channel.label
                               : tr("%1 (%2)").arg(channel.label, channel.provider);
    m_composer->setChannelRefusals(
        anyMedia ? QString() : tr("The number %1 cannot send files.").arg(number),
        can.interactive ? QString() : tr("The number %1 cannot send buttons or lists.").arg(number),
        can.templates ? QString() : tr("The number %1 cannot send templates.").arg(number));
}

bool RichMessaging::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (watched == m_viewport) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (Attachment::canTake(drag->mimeData()) && m_chat->id()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            if (Attachment::canTake(drop->mimeData()) && m_chat->id()) {
                m_composer->setAttachment(Attachment::fromMimeData(drop->mimeData()));
                drop->acceptProposedAction();
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

void RichMessaging::attachFile()
{
    if (m_chat->id() == 0 || !m_chat->windowOpen())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Attach a file"));
    if (!path.isEmpty())
        m_composer->setAttachment(Attachment::fromFile(path));
}

void RichMessaging::sendMedia(const QString &replyToWamid)
{
    AttachmentStrip *strip = m_composer->attachmentStrip();
    if (!strip->isReady())
        return;
    const Attachment &file = strip->attachment();
    const auto kind = Protocol::mediaKindOfMimeType(file.mimeType());
    const Protocol::ChannelPayload channel = channelOfChat();
    if (kind && !channel.capabilities.allowsMedia(Protocol::mediaKindName(*kind))) {
        strip->setError(tr("The number %1 cannot send this kind of file; nothing was sent.")
                            .arg(channel.label));
        return;
    }
    m_uploadReplyTo = replyToWamid;
    m_uploadConversation = m_chat->id();
    m_uploading = true;
    strip->setUploading(true);
    if (!m_uploader->upload(file.bytes(), file.mimeType(), file.fileName()))
        m_uploading = false; // failed() already said why
}

void RichMessaging::handleUploaded(const QString &key, const QString &kind)
{
    if (!std::exchange(m_uploading, false))
        return;
    AttachmentStrip *strip = m_composer->attachmentStrip();
    if (m_uploadConversation != m_chat->id()) {
        strip->setError(tr("The chat changed during the upload; nothing was sent."));
        return;
    }
    const QString filename =
        kind == QLatin1String("document") ? strip->attachment().fileName() : QString();
    m_chat->sendMedia(key, strip->caption(), filename, m_uploadReplyTo);
    strip->clear();
    m_composer->cancelReply();
}

void RichMessaging::handleUploadFailed(const QString &errorCode)
{
    if (!std::exchange(m_uploading, false))
        return;
    AttachmentStrip *strip = m_composer->attachmentStrip();
    if (errorCode == QLatin1String("canceled")) {
        strip->setError(tr("Upload canceled; nothing was sent."));
    } else if (errorCode == QLatin1String("unreachable")) {
        strip->setError(tr("Sending a file needs a connection to the relay. Text messages still "
                           "wait offline and go out when you are back."));
    } else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::MediaTooLarge)) {
        strip->setError(tr("The relay refused the file: it is larger than WhatsApp allows for "
                           "its kind."));
    } else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::UnsupportedMediaType)) {
        strip->setError(tr("The relay refused the file: WhatsApp does not take this type."));
    } else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::InvalidArgument)) {
        strip->setError(tr("The relay refused the file: its contents are not what its type "
                           "says."));
    } else {
        strip->setError(ErrorText::forName(errorCode));
    }
}

InteractiveBuilder *RichMessaging::newBuilder(qint64 draftId)
{
    if (m_chat->id() == 0 || !m_chat->windowOpen() || !channelOfChat().capabilities.interactive)
        return nullptr;
    auto *builder = new InteractiveBuilder(m_window);
    builder->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 conversation = m_chat->id();
    connect(builder, &QDialog::accepted, this, [this, builder, draftId, conversation] {
        if (conversation != m_chat->id())
            return;
        if (m_chat->sendInteractive(builder->interactive(), m_composer->replyToWamid(), draftId))
            m_composer->cancelReply();
    });
    return builder;
}

InteractiveBuilder *RichMessaging::openInteractiveBuilder()
{
    InteractiveBuilder *builder = newBuilder(0);
    if (builder) {
        builder->setBody(m_composer->text().trimmed());
        builder->open();
    }
    return builder;
}

InteractiveBuilder *RichMessaging::openBuilderFromDraft()
{
    const std::optional<App::Draft> draft = m_chat->draft();
    if (!draft)
        return nullptr;
    InteractiveBuilder *builder = newBuilder(draft->id);
    if (builder) {
        builder->prefill(DraftChoices::parse(draft->text));
        builder->open();
    }
    return builder;
}

TemplatePicker *RichMessaging::openTemplatePicker()
{
    const qint64 conversation = m_chat->id();
    if (conversation == 0 || !channelOfChat().capabilities.templates)
        return nullptr;
    auto *picker = new TemplatePicker(m_templates, m_uploader,
                                      m_session->currentUser().isSupervisor(), m_window);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_chat->windowOpen()) {
        picker->setReason(tr("More than 24 hours since the customer last wrote: WhatsApp only "
                             "allows an approved template."));
    }
    connect(picker, &QDialog::accepted, this, [this, picker, conversation] {
        if (conversation == m_chat->id())
            m_chat->sendTemplate(picker->templateName(), picker->language(), picker->parameters());
    });
    picker->open();
    return picker;
}

void RichMessaging::openCannedManager()
{
    auto *dialog = new CannedDialog(m_cannedResponses, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

qint64 RichMessaging::selectedCustomerMessage() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || index.data(Roles::DirectionRole).toString() != QLatin1String("in") ||
        index.data(Roles::TypeRole).toString() == QLatin1String("reaction"))
        return 0;
    return qMax<qint64>(0, index.data(Roles::IdRole).toLongLong());
}

bool RichMessaging::react(const QString &emoji)
{
    const qint64 message = selectedCustomerMessage();
    return message != 0 && channelOfChat().capabilities.reactions &&
           m_chat->sendReaction(message, emoji);
}

void RichMessaging::fillReactionMenu(QMenu *menu)
{
    const QStringList emojis = reactionEmojis();
    for (const QString &emoji : emojis) {
        QAction *action = menu->addAction(emoji);
        connect(action, &QAction::triggered, this, [this, emoji] { react(emoji); });
    }
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Remove my reaction"));
    connect(remove, &QAction::triggered, this, [this] { react(QString()); });
}

void RichMessaging::showReactionMenu()
{
    if (selectedCustomerMessage() == 0 || !channelOfChat().capabilities.reactions)
        return;
    auto *menu = new QMenu(m_view);
    menu->setObjectName(QStringLiteral("reactionMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    fillReactionMenu(menu);
    const QRect rect = m_view->visualRect(m_view->currentIndex());
    menu->popup(m_view->viewport()->mapToGlobal(rect.center()));
}

void RichMessaging::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    auto *menu = new QMenu(m_view);
    menu->setObjectName(QStringLiteral("messageMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *reply = menu->addAction(tr("Reply (Ctrl+R)"));
    reply->setEnabled(!index.data(Roles::WamidRole).toString().isEmpty());
    connect(reply, &QAction::triggered, this, &RichMessaging::replyRequested);
    if (selectedCustomerMessage() != 0 && m_chat->windowOpen() &&
        channelOfChat().capabilities.reactions) {
        QMenu *reactions = menu->addMenu(tr("React (Ctrl+Shift+M)"));
        fillReactionMenu(reactions);
    }
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

} // namespace Serambi::Ui
