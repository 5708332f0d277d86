<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Attachment</name>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>%1 is %2; WhatsApp takes files of at most %3.</source>
        <translation>%1 berukuran %2; WhatsApp hanya menerima berkas paling besar %3.</translation>
    </message>
    <message>
        <source>pasted-image.png</source>
        <translation>gambar-tempelan.png</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 kosong.</translation>
    </message>
    <message>
        <source>WhatsApp does not take files of type %1 (%2).</source>
        <translation>WhatsApp tidak menerima berkas berjenis %1 (%2).</translation>
    </message>
    <message>
        <source>%1 is %2; WhatsApp takes %3 files of at most %4.</source>
        <translation>%1 berukuran %2; WhatsApp hanya menerima berkas %3 paling besar %4.</translation>
    </message>
    <message>
        <source>%1 does not contain what its type (%2) says.</source>
        <translation>Isi %1 tidak sesuai dengan jenisnya (%2).</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Stiker</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
</context>
<context>
    <name>BubbleText</name>
    <message>
        <source>Serambi cannot show this kind of message (%1). Ask the customer to send it another way, or open it on WhatsApp.</source>
        <translation>Serambi tidak bisa menampilkan jenis pesan ini (%1). Minta pelanggan mengirimnya dengan cara lain, atau buka di WhatsApp.</translation>
    </message>
    <message>
        <source>Unsupported message</source>
        <translation>Pesan tidak didukung</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>The file is larger than WhatsApp allows.</source>
        <translation>Berkas lebih besar dari batas WhatsApp.</translation>
    </message>
    <message>
        <source>WhatsApp does not accept this type of file.</source>
        <translation>WhatsApp tidak menerima jenis berkas ini.</translation>
    </message>
    <message>
        <source>The file arrived damaged.</source>
        <translation>Berkas tiba dalam keadaan rusak.</translation>
    </message>
    <message>
        <source>WhatsApp no longer has this file.</source>
        <translation>Berkas ini sudah tidak tersedia di WhatsApp.</translation>
    </message>
    <message>
        <source>The relay did not accept this session. Sign in again.</source>
        <translation>Relay tidak menerima sesi ini. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>The relay does not have this file.</source>
        <translation>Relay tidak memiliki berkas ini.</translation>
    </message>
    <message>
        <source>The relay cannot be reached.</source>
        <translation>Relay tidak dapat dihubungi.</translation>
    </message>
    <message>
        <source>The file could not be saved on this computer.</source>
        <translation>Berkas tidak dapat disimpan di komputer ini.</translation>
    </message>
    <message>
        <source>The file could not be downloaded.</source>
        <translation>Berkas tidak dapat diunduh.</translation>
    </message>
    <message>
        <source>Tapped a template button</source>
        <translation>Menekan tombol templat</translation>
    </message>
    <message>
        <source>Picked from the list</source>
        <translation>Memilih dari daftar</translation>
    </message>
    <message>
        <source>Sent a form</source>
        <translation>Mengirim formulir</translation>
    </message>
    <message>
        <source>Picked a button</source>
        <translation>Memilih tombol</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Header: %1</source>
        <translation>Header: %1</translation>
    </message>
    <message>
        <source>Buttons: %1</source>
        <translation>Tombol: %1</translation>
    </message>
    <message>
        <source>List “%1”, choices: %2</source>
        <translation>Daftar “%1”, pilihan: %2</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Tautan: %1</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Template “%1” (%2)</source>
        <translation>Templat “%1” (%2)</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Kartu kontak</translation>
    </message>
    <message>
        <source>Unnamed contact</source>
        <translation>Kontak tanpa nama</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telepon: %1</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>Email: %1</translation>
    </message>
    <message>
        <source>Shared location</source>
        <translation>Lokasi yang dibagikan</translation>
    </message>
    <message>
        <source>Open in map</source>
        <translation>Buka di peta</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>The relay is downloading it…</source>
        <translation>Relay sedang mengunduhnya…</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>Mengunggah…</translation>
    </message>
    <message>
        <source>This file is not available in the console.</source>
        <translation>Berkas ini tidak tersedia di konsol.</translation>
    </message>
    <message>
        <source>Loading %1%</source>
        <translation>Memuat %1%</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Pesan suara</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>Sedang diputar</translation>
    </message>
    <message>
        <source>Press Enter to play</source>
        <translation>Tekan Enter untuk memutar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Simpan…</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Ask the customer to send it again, or open it on WhatsApp.</source>
        <translation>Minta pelanggan mengirimnya lagi, atau buka di WhatsApp.</translation>
    </message>
    <message>
        <source>🚫 The customer deleted this message</source>
        <translation>🚫 Pelanggan menghapus pesan ini</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Allowed calls</source>
        <translation>Boleh ditelepon</translation>
    </message>
    <message>
        <source>Declined calls</source>
        <translation>Tidak mau ditelepon</translation>
    </message>
    <message>
        <source>With no end date</source>
        <translation>Tanpa batas waktu</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Sampai %1</translation>
    </message>
    <message>
        <source>Answered the request to call</source>
        <translation>Menjawab permintaan izin menelepon</translation>
    </message>
</context>
<context>
    <name>ChatText</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Pesan suara</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Stiker</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Kartu kontak</translation>
    </message>
    <message>
        <source>Button reply</source>
        <translation>Balasan tombol</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaksi</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Unsupported message</source>
        <translation>Pesan tidak didukung</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Waiting for the connection</source>
        <translation>Menunggu koneksi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Gagal terkirim</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>AI answering</source>
        <translation>AI menjawab</translation>
    </message>
    <message>
        <source>Waiting for an agent</source>
        <translation>Menunggu agen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Ditugaskan</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Ditangani %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 dtk</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 hr</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>Menunggu %1</translation>
    </message>
    <message>
        <source>Window closed</source>
        <translation>Jendela tertutup</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>sisa %1</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Kemarin</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>AI sends replies</source>
        <translation>AI mengirim balasan</translation>
    </message>
    <message>
        <source>AI drafts, agent approves</source>
        <translation>AI membuat draf, agen menyetujui</translation>
    </message>
    <message>
        <source>AI off</source>
        <translation>AI nonaktif</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Anda: %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>asked for a person</source>
        <translation>minta bicara dengan petugas</translation>
    </message>
    <message>
        <source>customer is upset</source>
        <translation>pelanggan kesal</translation>
    </message>
    <message>
        <source>mentioned a watched keyword</source>
        <translation>menyebut kata kunci yang dipantau</translation>
    </message>
    <message>
        <source>the AI could not answer</source>
        <translation>AI tidak bisa menjawab</translation>
    </message>
    <message>
        <source>needs a person</source>
        <translation>perlu ditangani petugas</translation>
    </message>
    <message>
        <source>🚫 Message deleted</source>
        <translation>🚫 Pesan dihapus</translation>
    </message>
    <message>
        <source>⚠️ %1</source>
        <translation>⚠️ %1</translation>
    </message>
    <message>
        <source>ℹ️ %1</source>
        <translation>ℹ️ %1</translation>
    </message>
    <message>
        <source>📍 Location</source>
        <translation>📍 Lokasi</translation>
    </message>
    <message>
        <source>📞 Calls allowed</source>
        <translation>📞 Boleh ditelepon</translation>
    </message>
    <message>
        <source>📞 Calls declined</source>
        <translation>📞 Tidak mau ditelepon</translation>
    </message>
    <message>
        <source>📋 Form sent</source>
        <translation>📋 Formulir terkirim</translation>
    </message>
    <message>
        <source>The customer changed their phone number</source>
        <translation>Pelanggan mengganti nomor teleponnya</translation>
    </message>
    <message>
        <source>The customer changed their phone number to +%1</source>
        <translation>Pelanggan mengganti nomor teleponnya ke +%1</translation>
    </message>
    <message>
        <source>The customer&apos;s security code changed</source>
        <translation>Kode keamanan pelanggan berubah</translation>
    </message>
    <message>
        <source>The customer&apos;s WhatsApp account changed</source>
        <translation>Akun WhatsApp pelanggan berganti</translation>
    </message>
    <message>
        <source>WhatsApp changed something about this customer&apos;s account</source>
        <translation>WhatsApp mengubah sesuatu pada akun pelanggan ini</translation>
    </message>
    <message>
        <source>WhatsApp could not deliver this message: %1</source>
        <translation>WhatsApp tidak dapat meneruskan pesan ini: %1</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Diedit</translation>
    </message>
    <message>
        <source>🛒 Order: 1 item</source>
        <translation>🛒 Pesanan: 1 barang</translation>
    </message>
    <message>
        <source>🛒 Order: %1 items</source>
        <translation>🛒 Pesanan: %1 barang</translation>
    </message>
    <message>
        <source>📋 Form sent: 1 answer</source>
        <translation>📋 Formulir terkirim: 1 jawaban</translation>
    </message>
    <message>
        <source>📋 Form sent: %1 answers</source>
        <translation>📋 Formulir terkirim: %1 jawaban</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The relay did not understand the console. Update Serambi or tell your administrator.</source>
        <translation>Relay tidak memahami konsol. Perbarui Serambi atau hubungi administrator Anda.</translation>
    </message>
    <message>
        <source>This version of Serambi is too old or too new for the relay. Update Serambi.</source>
        <translation>Versi Serambi ini terlalu lama atau terlalu baru untuk relay. Perbarui Serambi.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in again.</source>
        <translation>Anda belum masuk. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>Wrong username or password, or your session has expired.</source>
        <translation>Nama pengguna atau kata sandi salah, atau sesi Anda sudah berakhir.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %n detik.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are not allowed to do this: the chat belongs to someone else or your role does not permit it.</source>
        <translation>Anda tidak diizinkan melakukan ini: obrolan ini milik orang lain atau peran Anda tidak mengizinkannya.</translation>
    </message>
    <message>
        <source>This chat, message or user no longer exists.</source>
        <translation>Obrolan, pesan, atau pengguna ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>The relay refused the request as incomplete. Check the text and try again.</source>
        <translation>Relay menolak permintaan karena tidak lengkap. Periksa teksnya lalu coba lagi.</translation>
    </message>
    <message>
        <source>The 24-hour window has closed — send a template instead.</source>
        <translation>Jendela 24 jam sudah tertutup — kirim templat sebagai gantinya.</translation>
    </message>
    <message>
        <source>Someone else changed this chat first, for example another agent took it over.</source>
        <translation>Orang lain sudah mengubah obrolan ini lebih dulu, misalnya agen lain telah mengambil alih.</translation>
    </message>
    <message>
        <source>WhatsApp refused the message.</source>
        <translation>WhatsApp menolak pesan ini.</translation>
    </message>
    <message>
        <source>WhatsApp refused the message: %1</source>
        <translation>WhatsApp menolak pesan ini: %1</translation>
    </message>
    <message>
        <source>The relay had a problem and did not apply the request. Try again.</source>
        <translation>Relay mengalami masalah dan tidak menjalankan permintaan. Coba lagi.</translation>
    </message>
    <message>
        <source>The file is too large for WhatsApp.</source>
        <translation>Berkas ini terlalu besar untuk WhatsApp.</translation>
    </message>
    <message>
        <source>WhatsApp does not accept this type of file.</source>
        <translation>WhatsApp tidak menerima jenis berkas ini.</translation>
    </message>
    <message>
        <source>The relay refused the request.</source>
        <translation>Relay menolak permintaan.</translation>
    </message>
    <message>
        <source>Cannot reach the relay. Check the address and your network connection.</source>
        <translation>Relay tidak dapat dihubungi. Periksa alamat dan koneksi jaringan Anda.</translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation>Anda sudah keluar.</translation>
    </message>
    <message>
        <source>An administrator ended your session or changed your password. Sign in again.</source>
        <translation>Administrator mengakhiri sesi Anda atau mengganti kata sandi Anda. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Sesi Anda sudah berakhir. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>Your account has been disabled. Ask your administrator.</source>
        <translation>Akun Anda dinonaktifkan. Hubungi administrator Anda.</translation>
    </message>
    <message>
        <source>Your role has changed. Reconnecting with your new permissions…</source>
        <translation>Peran Anda berubah. Menyambung ulang dengan hak akses yang baru…</translation>
    </message>
    <message>
        <source>You have uploaded as many files today as the relay allows. Try again later or ask your administrator.</source>
        <translation>Anda sudah mengunggah berkas sebanyak yang diizinkan relay hari ini. Coba lagi nanti atau hubungi administrator Anda.</translation>
    </message>
</context>
<context>
    <name>LimitText</name>
    <message>
        <source>Section %1, row %2 title</source>
        <translation>Judul baris %2 di bagian %1</translation>
    </message>
    <message>
        <source>Section %1, row %2 description</source>
        <translation>Deskripsi baris %2 di bagian %1</translation>
    </message>
    <message>
        <source>Section %1, row %2 id</source>
        <translation>ID baris %2 di bagian %1</translation>
    </message>
    <message>
        <source>Rows of section %1</source>
        <translation>Baris di bagian %1</translation>
    </message>
    <message>
        <source>Section %1 title</source>
        <translation>Judul bagian %1</translation>
    </message>
    <message>
        <source>Button %1 title</source>
        <translation>Judul tombol %1</translation>
    </message>
    <message>
        <source>Button %1 id</source>
        <translation>ID tombol %1</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Isi pesan</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Footer</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>List button label</source>
        <translation>Label tombol daftar</translation>
    </message>
    <message>
        <source>Sections and rows</source>
        <translation>Bagian dan baris</translation>
    </message>
    <message>
        <source>%1: required</source>
        <translation>%1: wajib diisi</translation>
    </message>
    <message numerus="yes">
        <source>%1: at most %n characters</source>
        <translation>
            <numerusform>%1: paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: at most %n rows in all</source>
        <translation>
            <numerusform>%1: paling banyak %n baris seluruhnya</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: at most %n</source>
        <translation>
            <numerusform>%1: paling banyak %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: already used, must be unique</source>
        <translation>%1: sudah dipakai, harus unik</translation>
    </message>
    <message>
        <source>%1: not valid</source>
        <translation>%1: tidak valid</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>Chats and customer messages by day</source>
        <translation>Chat dan pesan pelanggan per hari</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Customer messages</source>
        <translation>Pesan pelanggan</translation>
    </message>
    <message>
        <source>Customer messages by hour (WIB)</source>
        <translation>Pesan pelanggan per jam (WIB)</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::AssignDialog</name>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>%1 · %2 · ● online</source>
        <translation>%1 · %2 · ● daring</translation>
    </message>
    <message>
        <source>%1 · %2 · offline</source>
        <translation>%1 · %2 · luring</translation>
    </message>
    <message>
        <source>Assign chat</source>
        <translation>Tugaskan obrolan</translation>
    </message>
    <message>
        <source>&amp;Who takes this chat? Type to filter, Enter assigns.</source>
        <translation>&amp;Siapa yang menangani obrolan ini? Ketik untuk menyaring, Enter untuk menugaskan.</translation>
    </message>
    <message>
        <source>Name or username</source>
        <translation>Nama atau nama pengguna</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>Saring agen</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Daftar agen</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Tugaskan</translation>
    </message>
    <message>
        <source>Assign to the selected agent</source>
        <translation>Tugaskan ke agen yang dipilih</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>Memuat daftar agen…</translation>
    </message>
    <message>
        <source>No agent matches.</source>
        <translation>Tidak ada agen yang cocok.</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::AttachmentStrip</name>
    <message>
        <source>Caption (optional)</source>
        <translation>Keterangan (opsional)</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stop the upload; nothing is sent</source>
        <translation>Hentikan unggahan; tidak ada yang dikirim</translation>
    </message>
    <message>
        <source>Remove the file</source>
        <translation>Hapus berkas</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Kemajuan unggahan</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::BubbleActions</name>
    <message>
        <source>Save file</source>
        <translation>Simpan berkas</translation>
    </message>
    <message>
        <source>The file could not be saved there.</source>
        <translation>Berkas tidak dapat disimpan di sana.</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Buka berkas</translation>
    </message>
    <message>
        <source>No application on this computer opens this kind of file. Use Save to keep a copy.</source>
        <translation>Tidak ada aplikasi di komputer ini yang dapat membuka jenis berkas ini. Gunakan Simpan untuk menyimpan salinannya.</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::CannedDialog</name>
    <message>
        <source>Saved /%1.</source>
        <translation>/%1 tersimpan.</translation>
    </message>
    <message>
        <source>A saved reply needs a shortcut and a text.</source>
        <translation>Balasan tersimpan perlu pintasan dan teks.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Another saved reply already uses that shortcut.</source>
        <translation>Pintasan itu sudah dipakai balasan tersimpan lain.</translation>
    </message>
    <message>
        <source>Only its author or a supervisor may change this saved reply.</source>
        <translation>Hanya pembuatnya atau supervisor yang boleh mengubah balasan tersimpan ini.</translation>
    </message>
    <message>
        <source>Saved replies</source>
        <translation>Balasan tersimpan</translation>
    </message>
    <message>
        <source>&amp;Shortcut</source>
        <translation>&amp;Pintasan</translation>
    </message>
    <message>
        <source>ongkir (type /ongkir in the composer)</source>
        <translation>ongkir (ketik /ongkir di kolom balasan)</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>J&amp;udul</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Teks</translation>
    </message>
    <message>
        <source>{nama} becomes the customer&apos;s name</source>
        <translation>{nama} diganti dengan nama pelanggan</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::CannedPopup</name>
    <message>
        <source>Saved replies</source>
        <translation>Balasan tersimpan</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ChatPane</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A message to %1 was not delivered: %2</source>
        <translation>Pesan untuk %1 gagal terkirim: %2</translation>
    </message>
    <message>
        <source>Select a delivered message first, then press Ctrl+R.</source>
        <translation>Pilih pesan yang sudah terkirim terlebih dahulu, lalu tekan Ctrl+R.</translation>
    </message>
    <message>
        <source>Handing the chat to %1…</source>
        <translation>Menyerahkan chat ke %1…</translation>
    </message>
    <message>
        <source>Moving the chat to the %1 queue…</source>
        <translation>Memindahkan chat ke antrean %1…</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ComposerPanel</name>
    <message>
        <source>Reply</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Kirim (Enter)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Kirim (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Do not quote (Esc)</source>
        <translation>Jangan kutip (Esc)</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Batalkan balasan</translation>
    </message>
    <message>
        <source>Replying to: %1</source>
        <translation>Membalas: %1</translation>
    </message>
    <message>
        <source>Write a reply — Enter sends, Shift+Enter for a new line, / for saved replies</source>
        <translation>Tulis balasan — Enter mengirim, Shift+Enter untuk baris baru, / untuk balasan tersimpan</translation>
    </message>
    <message>
        <source>Write a reply — Ctrl+Enter sends, / for saved replies</source>
        <translation>Tulis balasan — Ctrl+Enter mengirim, / untuk balasan tersimpan</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+U); you can also paste or drop one</source>
        <translation>Lampirkan berkas (Ctrl+Shift+U); bisa juga ditempel atau diseret ke sini</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Lampirkan</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Lampirkan berkas</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Send quick-reply buttons or a list (Ctrl+Shift+B)</source>
        <translation>Kirim tombol balasan cepat atau daftar (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Send an approved template (Ctrl+Shift+T)</source>
        <translation>Kirim templat yang disetujui (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer last wrote: WhatsApp only allows an approved template.</source>
        <translation>Sudah lebih dari 24 jam sejak pelanggan terakhir menulis: WhatsApp hanya mengizinkan templat yang disetujui.</translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation>Pilih templat…</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConnectionIndicator</name>
    <message>
        <source>Signed out</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menyambung…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Menyambung ulang dalam %n detik</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Luring sejak %1</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Koneksi</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationDelegate</name>
    <message>
        <source>Draft ready</source>
        <translation>Draf siap</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n belum dibaca</numerusform>
        </translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Label: %1</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationHeader</name>
    <message>
        <source>Take this chat over from the AI or the queue (Ctrl+T)</source>
        <translation>Ambil alih obrolan ini dari AI atau antrean (Ctrl+T)</translation>
    </message>
    <message>
        <source>Let the AI answer this chat again (Ctrl+Shift+H)</source>
        <translation>Biarkan AI menjawab obrolan ini lagi (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Mark the chat as resolved (Ctrl+Shift+E)</source>
        <translation>Tandai obrolan sebagai selesai (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Give this chat to another agent (Ctrl+Shift+A)</source>
        <translation>Serahkan obrolan ini ke agen lain (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>AI &amp;mode:</source>
        <translation>&amp;Mode AI:</translation>
    </message>
    <message>
        <source>AI mode</source>
        <translation>Mode AI</translation>
    </message>
    <message>
        <source>Time left in the 24-hour window</source>
        <translation>Sisa waktu jendela 24 jam</translation>
    </message>
    <message>
        <source>No chat open</source>
        <translation>Tidak ada obrolan terbuka</translation>
    </message>
    <message>
        <source>Pick a chat on the left, or press Ctrl+J for the next one that needs you.</source>
        <translation>Pilih obrolan di sebelah kiri, atau tekan Ctrl+J untuk obrolan berikutnya yang perlu Anda tangani.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Ambil alih</translation>
    </message>
    <message>
        <source>Hand back to AI</source>
        <translation>Kembalikan ke AI</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Tugaskan…</translation>
    </message>
    <message>
        <source>Window closes in %1 h %2 min</source>
        <translation>Jendela 24 jam tertutup dalam %1 jam %2 mnt</translation>
    </message>
    <message>
        <source>Window closes in %1 min</source>
        <translation>Jendela 24 jam tertutup dalam %1 mnt</translation>
    </message>
    <message>
        <source>Window closes in under a minute</source>
        <translation>Jendela 24 jam tertutup kurang dari semenit lagi</translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation>Label…</translation>
    </message>
    <message>
        <source>Add or remove this chat&apos;s labels (Ctrl+Shift+L)</source>
        <translation>Tambah atau hapus label obrolan ini (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>This chat&apos;s labels</source>
        <translation>Label obrolan ini</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>lewat %1</translation>
    </message>
    <message>
        <source>The customer wrote to the WhatsApp number of channel %1</source>
        <translation>Pelanggan menulis ke nomor WhatsApp kanal %1</translation>
    </message>
    <message>
        <source>%1 · team %2</source>
        <translation>%1 · tim %2</translation>
    </message>
    <message>
        <source>Customer rating: %1/5</source>
        <translation>Penilaian pelanggan: %1/5</translation>
    </message>
    <message>
        <source>How the customer rated this chat when it was resolved</source>
        <translation>Penilaian pelanggan atas chat ini saat diselesaikan</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationListPanel</name>
    <message>
        <source>Search chats</source>
        <translation>Cari obrolan</translation>
    </message>
    <message>
        <source>Chat filters</source>
        <translation>Filter obrolan</translation>
    </message>
    <message>
        <source>Chats: %1</source>
        <translation>Obrolan: %1</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Sebutan</translation>
    </message>
    <message>
        <source>Search name, number, message or label:name (Ctrl+K)</source>
        <translation>Cari nama, nomor, pesan, atau label:nama (Ctrl+K)</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Semua label</translation>
    </message>
    <message>
        <source>Show only chats with this label</source>
        <translation>Tampilkan hanya obrolan dengan label ini</translation>
    </message>
    <message>
        <source>All numbers</source>
        <translation>Semua nomor</translation>
    </message>
    <message>
        <source>Show only chats with this WhatsApp number</source>
        <translation>Tampilkan hanya chat dengan nomor WhatsApp ini</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationView</name>
    <message>
        <source>Messages</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Ctrl+R replies to the selected message; Enter opens its photo, file, voice message or location</source>
        <translation>Ctrl+R membalas pesan yang dipilih; Enter membuka foto, berkas, pesan suara, atau lokasinya</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::CustomerPanel</name>
    <message>
        <source>Awaiting payment</source>
        <translation>Menunggu pembayaran</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Diproses</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Ditahan</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Dikembalikan dananya</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Customer&apos;s orders</source>
        <translation>Pesanan pelanggan</translation>
    </message>
    <message>
        <source>Insert order status</source>
        <translation>Sisipkan status pesanan</translation>
    </message>
    <message>
        <source>Put the selected order&apos;s status into the reply, in Indonesian for the customer (Enter on an order does the same)</source>
        <translation>Masukkan status pesanan yang dipilih ke balasan, dalam bahasa Indonesia untuk pelanggan (Enter pada pesanan juga bisa)</translation>
    </message>
    <message>
        <source>Customer&apos;s orders (Ctrl+Shift+O)</source>
        <translation>Pesanan pelanggan (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Tracking number %1</source>
        <translation>Nomor resi %1</translation>
    </message>
    <message>
        <source>%1, tracking number %2</source>
        <translation>%1, nomor resi %2</translation>
    </message>
    <message>
        <source>Open a chat to see the customer&apos;s orders.</source>
        <translation>Buka chat untuk melihat pesanan pelanggan.</translation>
    </message>
    <message>
        <source>No shop orders with this customer&apos;s phone number.</source>
        <translation>Tidak ada pesanan toko dengan nomor telepon pelanggan ini.</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::DraftPanel</name>
    <message>
        <source>AI draft</source>
        <translation>Draf AI</translation>
    </message>
    <message>
        <source>Send the draft and go to the next chat that needs you (Ctrl+Enter)</source>
        <translation>Kirim draf lalu buka obrolan berikutnya yang perlu Anda tangani (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Move the draft into the composer to change it (Ctrl+E)</source>
        <translation>Pindahkan draf ke kolom balasan untuk diubah (Ctrl+E)</translation>
    </message>
    <message>
        <source>Ask the AI for a new draft (Ctrl+Shift+R)</source>
        <translation>Minta draf baru dari AI (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Throw the draft away (Ctrl+Shift+D)</source>
        <translation>Buang draf ini (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>AI draft (writing…)</source>
        <translation>Draf AI (sedang ditulis…)</translation>
    </message>
    <message>
        <source>Confidence %1%</source>
        <translation>Keyakinan %1%</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Sumber: %1</translation>
    </message>
    <message>
        <source>The AI suggests a person answers</source>
        <translation>AI menyarankan agar manusia yang menjawab</translation>
    </message>
    <message>
        <source>Draft text</source>
        <translation>Teks draf</translation>
    </message>
    <message>
        <source>Approve and send</source>
        <translation>Setujui dan kirim</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sunting</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Buat ulang</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Written by the offline assistant: the AI service did not answer</source>
        <translation>Ditulis oleh asisten offline: layanan AI tidak menjawab</translation>
    </message>
    <message>
        <source>Buttons or list…</source>
        <translation>Tombol atau daftar…</translation>
    </message>
    <message>
        <source>Offer the draft&apos;s choices as buttons or a list</source>
        <translation>Tawarkan pilihan di draf sebagai tombol atau daftar</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer last wrote: only an approved template can be sent</source>
        <translation>Sudah lebih dari 24 jam sejak pelanggan terakhir menulis: hanya templat yang disetujui yang bisa dikirim</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::FloorWindow</name>
    <message>
        <source>● Online</source>
        <translation>● Daring</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Sedang pergi</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Tanpa tim</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Lantai layanan</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Ask the relay for the agents and teams again (F5)</source>
        <translation>Minta daftar agen dan tim lagi ke relay (F5)</translation>
    </message>
    <message>
        <source>A&amp;gents</source>
        <translation>A&amp;gen</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>A&amp;ntrean</translation>
    </message>
    <message>
        <source>&amp;Waiting chats (drag one onto an agent or a queue)</source>
        <translation>Chat &amp;menunggu (seret ke agen atau antrean)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Kehadiran</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Tim</translation>
    </message>
    <message>
        <source>Open chats</source>
        <translation>Chat terbuka</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Tunggu terlama</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>&amp;Open chat</source>
        <translation>&amp;Buka chat</translation>
    </message>
    <message>
        <source>Open the selected waiting chat in the main window (Enter)</source>
        <translation>Buka chat menunggu yang dipilih di jendela utama (Enter)</translation>
    </message>
    <message>
        <source>&amp;Assign to agent</source>
        <translation>&amp;Tugaskan ke agen</translation>
    </message>
    <message>
        <source>Give the selected waiting chat to the selected agent (Ctrl+Enter)</source>
        <translation>Berikan chat menunggu yang dipilih ke agen yang dipilih (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Move to queue</source>
        <translation>&amp;Pindahkan ke antrean</translation>
    </message>
    <message>
        <source>Move the selected waiting chat to the selected team&apos;s queue (Ctrl+M)</source>
        <translation>Pindahkan chat menunggu yang dipilih ke antrean tim yang dipilih (Ctrl+M)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Loading the floor…</source>
        <translation>Memuat lantai layanan…</translation>
    </message>
    <message>
        <source>Select a waiting chat and an agent first.</source>
        <translation>Pilih dulu chat yang menunggu dan seorang agen.</translation>
    </message>
    <message>
        <source>Select a waiting chat and a team&apos;s queue first.</source>
        <translation>Pilih dulu chat yang menunggu dan antrean tim.</translation>
    </message>
    <message>
        <source>Agents online: %1 of %2 · chats waiting: %3</source>
        <translation>Agen daring: %1 dari %2 · chat menunggu: %3</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::InteractiveBuilder</name>
    <message>
        <source>Choose</source>
        <translation>Pilih</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Buttons or list</source>
        <translation>Tombol atau daftar</translation>
    </message>
    <message>
        <source>Quick-reply buttons (up to %1)</source>
        <translation>Tombol balasan cepat (paling banyak %1)</translation>
    </message>
    <message>
        <source>List (up to %1 rows)</source>
        <translation>Daftar (paling banyak %1 baris)</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>Jenis pesan</translation>
    </message>
    <message>
        <source>&amp;Header</source>
        <translation>&amp;Header</translation>
    </message>
    <message numerus="yes">
        <source>Optional, up to %n characters</source>
        <translation>
            <numerusform>Opsional, paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Isi pesan</translation>
    </message>
    <message>
        <source>The message the customer reads</source>
        <translation>Pesan yang dibaca pelanggan</translation>
    </message>
    <message>
        <source>&amp;Footer</source>
        <translation>&amp;Footer</translation>
    </message>
    <message>
        <source>Button %1 title (up to %2 characters)</source>
        <translation>Judul tombol %1 (paling banyak %2 karakter)</translation>
    </message>
    <message>
        <source>Button %1 title</source>
        <translation>Judul tombol %1</translation>
    </message>
    <message>
        <source>Id (from the title)</source>
        <translation>ID (dari judul)</translation>
    </message>
    <message>
        <source>Button %1 id</source>
        <translation>ID tombol %1</translation>
    </message>
    <message>
        <source>Add button</source>
        <translation>Tambah tombol</translation>
    </message>
    <message>
        <source>List &amp;button</source>
        <translation>&amp;Tombol daftar</translation>
    </message>
    <message numerus="yes">
        <source>Opens the list, up to %n characters</source>
        <translation>
            <numerusform>Membuka daftar, paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>Section / row title</source>
        <translation>Judul bagian / baris</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Sections and rows</source>
        <translation>Bagian dan baris</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Tambah bagian</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Tambah baris</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>What the customer sees</source>
        <translation>Yang dilihat pelanggan</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::KnowledgeBaseWindow</name>
    <message>
        <source>Saved. The next draft uses it.</source>
        <translation>Tersimpan. Draf berikutnya memakainya.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Terhapus.</translation>
    </message>
    <message>
        <source>%1 — never used</source>
        <translation>%1 — belum pernah dipakai</translation>
    </message>
    <message numerus="yes">
        <source>%1 — cited %n time(s)</source>
        <translation>
            <numerusform>%1 — dikutip %n kali</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) asked: %1</source>
        <translation>
            <numerusform>%n pelanggan bertanya: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No suggestions: the AI answered what customers asked, or agents have not answered yet.</source>
        <translation>Tidak ada saran: AI sudah menjawab pertanyaan pelanggan, atau agen belum menjawab.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) asked, for example:</source>
        <translation>
            <numerusform>%n pelanggan bertanya, misalnya:</numerusform>
        </translation>
    </message>
    <message>
        <source>The agents answered:</source>
        <translation>Jawaban agen:</translation>
    </message>
    <message>
        <source>An article needs an id, a title and a text.</source>
        <translation>Artikel perlu ID, judul, dan teks.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Delete article</source>
        <translation>Hapus artikel</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Drafts will no longer use it. Its versions stay in the history.</source>
        <translation>Hapus &quot;%1&quot;? Draf tidak akan memakainya lagi. Versinya tetap ada di riwayat.</translation>
    </message>
    <message>
        <source>Asking the drafter…</source>
        <translation>Menanyakan ke AI…</translation>
    </message>
    <message>
        <source>The AI would not answer and would hand the chat to an agent (confidence %1%).</source>
        <translation>AI tidak akan menjawab dan akan menyerahkan obrolan ke agen (keyakinan %1%).</translation>
    </message>
    <message>
        <source>The AI would not answer (confidence %1%).</source>
        <translation>AI tidak akan menjawab (keyakinan %1%).</translation>
    </message>
    <message>
        <source>The AI would answer from &quot;%1&quot; (confidence %2%):
%3</source>
        <translation>AI akan menjawab dari &quot;%1&quot; (keyakinan %2%):
%3</translation>
    </message>
    <message>
        <source>Only supervisors and admins may change the knowledge base.</source>
        <translation>Hanya supervisor dan admin yang boleh mengubah basis pengetahuan.</translation>
    </message>
    <message>
        <source>The relay refused the article: the id may use only a–z, 0–9, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, and the title and text must not be empty.</source>
        <translation>Relay menolak artikel ini: ID hanya boleh memakai a–z, 0–9, &apos;.&apos;, &apos;_&apos;, dan &apos;-&apos;, serta judul dan teks tidak boleh kosong.</translation>
    </message>
    <message>
        <source>Check the article and save it; the suggestion then leaves the list.</source>
        <translation>Periksa artikel lalu simpan; saran ini kemudian hilang dari daftar.</translation>
    </message>
    <message>
        <source>Add as a phrasing of…</source>
        <translation>Tambahkan sebagai variasi pertanyaan untuk…</translation>
    </message>
    <message>
        <source>Article:</source>
        <translation>Artikel:</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>Basis pengetahuan</translation>
    </message>
    <message>
        <source>&amp;Articles</source>
        <translation>&amp;Artikel</translation>
    </message>
    <message>
        <source>Su&amp;ggestions</source>
        <translation>Sa&amp;ran</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Cari artikel</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>I&amp;d</source>
        <translation>I&amp;D</translation>
    </message>
    <message>
        <source>ongkir-papua (a–z, 0–9, . _ -)</source>
        <translation>ongkir-papua (a–z, 0–9, . _ -)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>ongkir/biaya kirim, papua (synonyms with /)</source>
        <translation>ongkir/biaya kirim, papua (sinonim dipisah /)</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Pertanyaan</translation>
    </message>
    <message>
        <source>How customers ask it, one per line</source>
        <translation>Cara pelanggan menanyakannya, satu per baris</translation>
    </message>
    <message>
        <source>Te&amp;xt (Markdown)</source>
        <translation>Te&amp;ks (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Riwayat</translation>
    </message>
    <message>
        <source>T&amp;ry it:</source>
        <translation>C&amp;oba:</translation>
    </message>
    <message>
        <source>A customer message, e.g. bisa cod ke papua?</source>
        <translation>Pesan pelanggan, mis. bisa cod ke papua?</translation>
    </message>
    <message>
        <source>Ask the drafter</source>
        <translation>Tanya AI</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Baru</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Save the article (Ctrl+S); the next draft uses it</source>
        <translation>Simpan artikel (Ctrl+S); draf berikutnya memakainya</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Saran</translation>
    </message>
    <message>
        <source>New article from this</source>
        <translation>Artikel baru dari saran ini</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Version %1 restored. The next draft uses it.</source>
        <translation>Versi %1 dipulihkan. Draf berikutnya memakainya.</translation>
    </message>
    <message>
        <source>Version %1, %2 — deleted by %3</source>
        <translation>Versi %1, %2 — dihapus oleh %3</translation>
    </message>
    <message>
        <source>Version %1, %2 — restored from version %3 by %4</source>
        <translation>Versi %1, %2 — dipulihkan dari versi %3 oleh %4</translation>
    </message>
    <message>
        <source>Version %1, %2 — saved by %3</source>
        <translation>Versi %1, %2 — disimpan oleh %3</translation>
    </message>
    <message>
        <source>Version %1 (Restore version brings it back)</source>
        <translation>Versi %1 (tombol Pulihkan versi mengembalikannya)</translation>
    </message>
    <message>
        <source>Restoring version %1…</source>
        <translation>Memulihkan versi %1…</translation>
    </message>
    <message>
        <source>Rest&amp;ore version</source>
        <translation>Pulihkan versi (&amp;O)</translation>
    </message>
    <message>
        <source>Save the selected version as the newest (Alt+O)</source>
        <translation>Simpan versi yang dipilih sebagai yang terbaru (Alt+O)</translation>
    </message>
    <message>
        <source>&amp;Undo restore</source>
        <translation>Batalkan pemulihan (&amp;U)</translation>
    </message>
    <message>
        <source>Bring back the version that was the newest before the restore (Alt+U)</source>
        <translation>Kembalikan versi yang terbaru sebelum pemulihan (Alt+U)</translation>
    </message>
    <message numerus="yes">
        <source>Articles no draft used in the last %n day(s)</source>
        <translation>
            <numerusform>Artikel yang tidak dipakai draf mana pun dalam %n hari terakhir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Questions that matched no article in the last %n day(s)</source>
        <translation>
            <numerusform>Pertanyaan yang tidak cocok dengan artikel mana pun dalam %n hari terakhir</numerusform>
        </translation>
    </message>
    <message>
        <source>Every article was used.</source>
        <translation>Semua artikel terpakai.</translation>
    </message>
    <message numerus="yes">
        <source>%n×: %1</source>
        <translation>
            <numerusform>%n×: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Give it an id, write the answer and save it.</source>
        <translation>Beri ID, tulis jawabannya, lalu simpan.</translation>
    </message>
    <message>
        <source>Ga&amp;ps</source>
        <translation>&amp;Celah</translation>
    </message>
    <message>
        <source>In the &amp;last</source>
        <translation>Dalam &amp;jangka waktu</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Articles never used</source>
        <translation>Artikel yang tidak pernah dipakai</translation>
    </message>
    <message>
        <source>Questions that matched no article</source>
        <translation>Pertanyaan yang tidak cocok dengan artikel mana pun</translation>
    </message>
    <message>
        <source>New article from this question</source>
        <translation>Artikel baru dari pertanyaan ini</translation>
    </message>
    <message>
        <source>Too much to import from the console at once (at most %1 files, half a megabyte in all): import a smaller folder, or use serambi-relay kb import.</source>
        <translation>Terlalu banyak untuk diimpor dari konsol sekaligus (paling banyak %1 berkas, total setengah megabita): impor folder yang lebih kecil, atau gunakan serambi-relay kb import.</translation>
    </message>
    <message>
        <source>No .md or .csv files in %1.</source>
        <translation>Tidak ada berkas .md atau .csv di %1.</translation>
    </message>
    <message>
        <source>Folder of Markdown articles</source>
        <translation>Folder artikel Markdown</translation>
    </message>
    <message>
        <source>Articles to import</source>
        <translation>Artikel yang akan diimpor</translation>
    </message>
    <message>
        <source>CSV or Markdown (*.csv *.md)</source>
        <translation>CSV atau Markdown (*.csv *.md)</translation>
    </message>
    <message>
        <source>Reading the articles…</source>
        <translation>Membaca artikel…</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 changed; %3 problem(s) skipped.</source>
        <translation>Diimpor: %1 baru, %2 berubah; %3 masalah dilewati.</translation>
    </message>
    <message>
        <source>New articles:</source>
        <translation>Artikel baru:</translation>
    </message>
    <message>
        <source>Changed articles:</source>
        <translation>Artikel yang berubah:</translation>
    </message>
    <message>
        <source>Problems (these are skipped):</source>
        <translation>Masalah (dilewati):</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Impor artikel</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 problem(s). Articles not in the files stay as they are.</source>
        <translation>%1 baru, %2 berubah, %3 tetap, %4 masalah. Artikel yang tidak ada di berkas tetap seperti semula.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Impor…</translation>
    </message>
    <message>
        <source>Add or update articles from Markdown files or a CSV (Alt+I)</source>
        <translation>Tambah atau perbarui artikel dari berkas Markdown atau CSV (Alt+I)</translation>
    </message>
    <message>
        <source>Folder of Markdown articles…</source>
        <translation>Folder artikel Markdown…</translation>
    </message>
    <message>
        <source>CSV or Markdown file…</source>
        <translation>Berkas CSV atau Markdown…</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::LabelMenu</name>
    <message>
        <source>Labels of this chat</source>
        <translation>Label obrolan ini</translation>
    </message>
    <message>
        <source>No labels yet: add them under Manage labels</source>
        <translation>Belum ada label: tambahkan lewat Kelola label</translation>
    </message>
    <message>
        <source>No labels yet: a supervisor adds them</source>
        <translation>Belum ada label: supervisor yang menambahkannya</translation>
    </message>
    <message>
        <source>Manage labels…</source>
        <translation>Kelola label…</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::LabelsDialog</name>
    <message>
        <source>Red</source>
        <translation>Merah</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Oranye</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Kuning</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Hijau</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Hijau toska</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Biru</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Ungu</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Merah muda</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Abu-abu</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>“%1” tersimpan.</translation>
    </message>
    <message>
        <source>Other (%1)</source>
        <translation>Lainnya (%1)</translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation>Label perlu nama.</translation>
    </message>
    <message>
        <source>Another label is already called “%1”.</source>
        <translation>Sudah ada label bernama “%1”.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Hapus label</translation>
    </message>
    <message>
        <source>Delete the label “%1”? It is taken off every chat that has it.</source>
        <translation>Hapus label “%1”? Label ini akan dilepas dari setiap obrolan yang memakainya.</translation>
    </message>
    <message>
        <source>Another label already has that name.</source>
        <translation>Sudah ada label lain dengan nama itu.</translation>
    </message>
    <message>
        <source>Only supervisors manage the labels.</source>
        <translation>Hanya supervisor yang dapat mengelola label.</translation>
    </message>
    <message>
        <source>Manage labels</source>
        <translation>Kelola label</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>VIP, Komplain, Menunggu transfer…</source>
        <translation>VIP, Komplain, Menunggu transfer…</translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation>&amp;Warna</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Warna lain…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::MainWindow</name>
    <message>
        <source>No other chat needs you right now.</source>
        <translation>Saat ini tidak ada obrolan lain yang perlu Anda tangani.</translation>
    </message>
    <message>
        <source>Serambi</source>
        <translation>Serambi</translation>
    </message>
    <message>
        <source>Serambi — %1</source>
        <translation>Serambi — %1</translation>
    </message>
    <message>
        <source>%1 (supervisor)</source>
        <translation>%1 (supervisor)</translation>
    </message>
    <message>
        <source>%1 (agent)</source>
        <translation>%1 (agen)</translation>
    </message>
    <message>
        <source>&amp;Serambi</source>
        <translation>&amp;Serambi</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Obrolan</translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <translation>&amp;Draf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Masuk…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>&amp;Search chats</source>
        <translation>&amp;Cari obrolan</translation>
    </message>
    <message>
        <source>&amp;Next chat that needs me</source>
        <translation>Obrolan &amp;berikutnya yang perlu saya tangani</translation>
    </message>
    <message>
        <source>&amp;Previous chat that needs me</source>
        <translation>Obrolan s&amp;ebelumnya yang perlu saya tangani</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>&amp;Ambil alih</translation>
    </message>
    <message>
        <source>&amp;Hand back to AI</source>
        <translation>&amp;Kembalikan ke AI</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>&amp;Selesaikan</translation>
    </message>
    <message>
        <source>Assi&amp;gn to…</source>
        <translation>&amp;Tugaskan ke…</translation>
    </message>
    <message>
        <source>&amp;Reply to the selected message</source>
        <translation>Ba&amp;las pesan yang dipilih</translation>
    </message>
    <message>
        <source>&amp;Write a reply</source>
        <translation>T&amp;ulis balasan</translation>
    </message>
    <message>
        <source>&amp;Approve and send</source>
        <translation>&amp;Setujui dan kirim</translation>
    </message>
    <message>
        <source>&amp;Edit in the composer</source>
        <translation>S&amp;unting di kolom balasan</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>&amp;Buat ulang</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>Bua&amp;ng</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Milik saya</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Antrean</translation>
    </message>
    <message>
        <source>&amp;All chats</source>
        <translation>&amp;Semua obrolan</translation>
    </message>
    <message>
        <source>&amp;Resolved</source>
        <translation>Sel&amp;esai</translation>
    </message>
    <message>
        <source>&amp;Knowledge base…</source>
        <translation>&amp;Basis pengetahuan…</translation>
    </message>
    <message>
        <source>Write an internal &amp;note</source>
        <translation>Tulis &amp;catatan internal</translation>
    </message>
    <message>
        <source>M&amp;entions</source>
        <translation>S&amp;ebutan</translation>
    </message>
    <message>
        <source>&amp;Reports and audit log…</source>
        <translation>&amp;Laporan dan log audit…</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>La&amp;bel…</translation>
    </message>
    <message>
        <source>Manage &amp;labels…</source>
        <translation>Kel&amp;ola label…</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;orders</source>
        <translation>Pesanan &amp;pelanggan</translation>
    </message>
    <message>
        <source>&amp;Floor…</source>
        <translation>Lantai la&amp;yanan…</translation>
    </message>
    <message>
        <source>Trans&amp;fer to…</source>
        <translation>Ali&amp;hkan ke…</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::MediaViewer</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Gambar ini tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Simpan…</translation>
    </message>
    <message>
        <source>Save photo</source>
        <translation>Simpan foto</translation>
    </message>
    <message>
        <source>The photo could not be saved there.</source>
        <translation>Foto tidak dapat disimpan di sana.</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::MessageBar</name>
    <message>
        <source>Message from the relay</source>
        <translation>Pesan dari relay</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Tutup pesan</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::MessageDelegate</name>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Unsupported message</source>
        <translation>Pesan tidak didukung</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>An earlier message</source>
        <translation>Pesan sebelumnya</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Gagal terkirim: %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Reaction %1</source>
        <translation>Reaksi %1</translation>
    </message>
    <message>
        <source>Answer to %1</source>
        <translation>Jawaban untuk %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Message not received</source>
        <translation>Pesan tidak diterima</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::NotesPanel</name>
    <message>
        <source>Internal note, only your team sees it; @name mentions a colleague (Ctrl+Shift+N)</source>
        <translation>Catatan internal, hanya tim Anda yang melihat; @nama menyebut rekan (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Write an internal note</source>
        <translation>Tulis catatan internal</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Catatan internal</translation>
    </message>
    <message numerus="yes">
        <source>Internal notes (%n)</source>
        <translation>
            <numerusform>Catatan internal (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::PresenceSelector</name>
    <message>
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Sedang pergi</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <source>Your presence: only online agents are given new chats (Ctrl+Shift+P)</source>
        <translation>Kehadiran Anda: hanya agen yang daring diberi chat baru (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Kehadiran</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ReportsWindow</name>
    <message>
        <source>Export as CSV</source>
        <translation>Ekspor sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Berkas tidak dapat ditulis.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Dari</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Muat</translation>
    </message>
    <message>
        <source>Load the report for these days (F5); days are Jakarta time (WIB)</source>
        <translation>Muat laporan untuk hari-hari ini (F5); hari menurut waktu Jakarta (WIB)</translation>
    </message>
    <message>
        <source>&amp;Older entries</source>
        <translation>Entri &amp;lebih lama</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Times and AI</source>
        <translation>Waktu dan AI</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Daftar agen</translation>
    </message>
    <message>
        <source>Meta cost</source>
        <translation>Biaya Meta</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Customer messages</source>
        <translation>Pesan pelanggan</translation>
    </message>
    <message>
        <source>Sent messages</source>
        <translation>Pesan terkirim</translation>
    </message>
    <message>
        <source>Hour (WIB)</source>
        <translation>Jam (WIB)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Angka</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Handoff reason</source>
        <translation>Alasan pengalihan</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Chats handled</source>
        <translation>Chat ditangani</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Median response</source>
        <translation>Median respons</translation>
    </message>
    <message>
        <source>90% answered within</source>
        <translation>90% dijawab dalam</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Ditagih</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Perkiraan biaya</translation>
    </message>
    <message>
        <source>When (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n dtk</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 mnt %2 dtk</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 mnt</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message numerus="yes">
        <source>median %1, 90% within %2 (%n chats)</source>
        <translation>
            <numerusform>median %1, 90% dalam %2 (%n chat)</numerusform>
        </translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Respons pertama</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Penyelesaian</translation>
    </message>
    <message>
        <source>Chats the AI handled alone</source>
        <translation>Chat yang ditangani AI sendiri</translation>
    </message>
    <message>
        <source>Drafts approved unchanged</source>
        <translation>Draf disetujui tanpa diubah</translation>
    </message>
    <message>
        <source>Drafts edited before sending</source>
        <translation>Draf diedit sebelum dikirim</translation>
    </message>
    <message>
        <source>Drafts discarded</source>
        <translation>Draf dibuang</translation>
    </message>
    <message>
        <source>Average edit of an edited draft</source>
        <translation>Rata-rata suntingan draf yang diedit</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 karakter</translation>
    </message>
    <message>
        <source>Questions the AI could not answer</source>
        <translation>Pertanyaan yang tidak bisa dijawab AI</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(tanpa alasan)</translation>
    </message>
    <message>
        <source>Estimated total: %1 %2 (billable messages × the rates in relay.ini)</source>
        <translation>Perkiraan total: %1 %2 (pesan yang ditagih × tarif di relay.ini)</translation>
    </message>
    <message>
        <source>(command line)</source>
        <translation>(baris perintah)</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Menugaskan</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Memindahkan</translation>
    </message>
    <message>
        <source>Took over</source>
        <translation>Mengambil alih</translation>
    </message>
    <message>
        <source>Handed back to the AI</source>
        <translation>Mengembalikan ke AI</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Menyelesaikan</translation>
    </message>
    <message>
        <source>Changed the AI mode</source>
        <translation>Mengubah mode AI</translation>
    </message>
    <message>
        <source>Changed the role</source>
        <translation>Mengubah peran</translation>
    </message>
    <message>
        <source>Disabled the user</source>
        <translation>Menonaktifkan pengguna</translation>
    </message>
    <message>
        <source>Enabled the user</source>
        <translation>Mengaktifkan pengguna</translation>
    </message>
    <message>
        <source>Changed the password</source>
        <translation>Mengubah kata sandi</translation>
    </message>
    <message>
        <source>Ended the sessions</source>
        <translation>Mengakhiri sesi</translation>
    </message>
    <message>
        <source>with the AI</source>
        <translation>ditangani AI</translation>
    </message>
    <message>
        <source>waiting in the queue</source>
        <translation>menunggu di antrean</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>ditugaskan</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>AI answers</source>
        <translation>AI menjawab</translation>
    </message>
    <message>
        <source>AI drafts</source>
        <translation>AI membuat draf</translation>
    </message>
    <message>
        <source>AI off</source>
        <translation>AI mati</translation>
    </message>
    <message>
        <source>Assigned automatically</source>
        <translation>Ditugaskan otomatis</translation>
    </message>
    <message>
        <source>Customer rating</source>
        <translation>Penilaian pelanggan</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Jumlah penilaian</translation>
    </message>
    <message>
        <source>%1/5</source>
        <translation>%1/5</translation>
    </message>
    <message>
        <source>%1, ratings: %2</source>
        <translation>%1, jumlah penilaian: %2</translation>
    </message>
    <message>
        <source>(the relay)</source>
        <translation>(relay)</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::RichMessaging</name>
    <message>
        <source>&amp;Attach a file…</source>
        <translation>&amp;Lampirkan berkas…</translation>
    </message>
    <message>
        <source>&amp;Buttons or list…</source>
        <translation>&amp;Tombol atau daftar…</translation>
    </message>
    <message>
        <source>&amp;Template…</source>
        <translation>T&amp;emplat…</translation>
    </message>
    <message>
        <source>&amp;React to the message…</source>
        <translation>&amp;Reaksi ke pesan…</translation>
    </message>
    <message>
        <source>&amp;Saved replies…</source>
        <translation>&amp;Balasan tersimpan…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Lampirkan berkas</translation>
    </message>
    <message>
        <source>The chat changed during the upload; nothing was sent.</source>
        <translation>Obrolan berganti selama mengunggah; tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>Upload canceled; nothing was sent.</source>
        <translation>Unggahan dibatalkan; tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>Sending a file needs a connection to the relay. Text messages still wait offline and go out when you are back.</source>
        <translation>Mengirim berkas perlu koneksi ke relay. Pesan teks tetap menunggu saat offline dan terkirim begitu tersambung lagi.</translation>
    </message>
    <message>
        <source>The relay refused the file: it is larger than WhatsApp allows for its kind.</source>
        <translation>Relay menolak berkas: ukurannya melebihi batas WhatsApp untuk jenisnya.</translation>
    </message>
    <message>
        <source>The relay refused the file: WhatsApp does not take this type.</source>
        <translation>Relay menolak berkas: WhatsApp tidak menerima jenis ini.</translation>
    </message>
    <message>
        <source>The relay refused the file: its contents are not what its type says.</source>
        <translation>Relay menolak berkas: isinya tidak sesuai dengan jenisnya.</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer last wrote: WhatsApp only allows an approved template.</source>
        <translation>Sudah lebih dari 24 jam sejak pelanggan terakhir menulis: WhatsApp hanya mengizinkan templat yang disetujui.</translation>
    </message>
    <message>
        <source>Remove my reaction</source>
        <translation>Hapus reaksi saya</translation>
    </message>
    <message>
        <source>Reply (Ctrl+R)</source>
        <translation>Balas (Ctrl+R)</translation>
    </message>
    <message>
        <source>React (Ctrl+Shift+M)</source>
        <translation>Beri reaksi (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The number %1 cannot send files.</source>
        <translation>Nomor %1 tidak dapat mengirim berkas.</translation>
    </message>
    <message>
        <source>The number %1 cannot send buttons or lists.</source>
        <translation>Nomor %1 tidak dapat mengirim tombol atau daftar.</translation>
    </message>
    <message>
        <source>The number %1 cannot send templates.</source>
        <translation>Nomor %1 tidak dapat mengirim templat.</translation>
    </message>
    <message>
        <source>The number %1 cannot send this kind of file; nothing was sent.</source>
        <translation>Nomor %1 tidak dapat mengirim jenis berkas ini; tidak ada yang terkirim.</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Show &amp;notifications for new handoffs and assigned chats</source>
        <translation>Tampilkan &amp;notifikasi untuk pengalihan baru dan obrolan yang ditugaskan</translation>
    </message>
    <message>
        <source>Play a &amp;sound with notifications</source>
        <translation>Putar &amp;suara bersama notifikasi</translation>
    </message>
    <message>
        <source>Send &amp;with:</source>
        <translation>&amp;Kirim dengan:</translation>
    </message>
    <message>
        <source>Send key</source>
        <translation>Tombol kirim</translation>
    </message>
    <message>
        <source>Enter (Shift+Enter for a new line)</source>
        <translation>Enter (Shift+Enter untuk baris baru)</translation>
    </message>
    <message>
        <source>Ctrl+Enter (Enter for a new line)</source>
        <translation>Ctrl+Enter (Enter untuk baris baru)</translation>
    </message>
    <message>
        <source>Light and dark follow your system&apos;s theme.</source>
        <translation>Mode terang dan gelap mengikuti tema sistem Anda.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Show customers when I am &amp;typing</source>
        <translation>Tampilkan ke pelanggan saat saya sedang &amp;mengetik</translation>
    </message>
    <message>
        <source>Set me &amp;away after:</source>
        <translation>Tandai saya &amp;pergi setelah:</translation>
    </message>
    <message>
        <source> min idle</source>
        <translation> menit tanpa aktivitas</translation>
    </message>
    <message>
        <source>never</source>
        <translation>tidak pernah</translation>
    </message>
    <message>
        <source>Minutes without input before you are set away</source>
        <translation>Menit tanpa input sebelum Anda ditandai pergi</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::SignInDialog</name>
    <message>
        <source>Sign in to Serambi</source>
        <translation>Masuk ke Serambi</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>&amp;Relay address:</source>
        <translation>Alamat &amp;relay:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nama &amp;pengguna:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Relay address</source>
        <translation>Alamat relay</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>No system keychain is available: the session is kept only until you quit.</source>
        <translation>Keychain sistem tidak tersedia: sesi hanya disimpan sampai Anda keluar dari aplikasi.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::TemplatePicker</name>
    <message>
        <source>Asking WhatsApp for the templates…</source>
        <translation>Meminta templat dari WhatsApp…</translation>
    </message>
    <message numerus="yes">
        <source>%n approved templates</source>
        <translation>
            <numerusform>%n templat disetujui</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Header file</source>
        <translation>Berkas header</translation>
    </message>
    <message>
        <source>Header {{%1}}</source>
        <translation>Header {{%1}}</translation>
    </message>
    <message>
        <source>Body {{%1}}</source>
        <translation>Isi {{%1}}</translation>
    </message>
    <message>
        <source>Link of “%1”</source>
        <translation>Tautan “%1”</translation>
    </message>
    <message>
        <source>The end of the address, e.g. an order number</source>
        <translation>Akhir alamatnya, misalnya nomor pesanan</translation>
    </message>
    <message>
        <source>This template&apos;s header needs a file of type %1.</source>
        <translation>Header templat ini memerlukan berkas berjenis %1.</translation>
    </message>
    <message>
        <source>%1 (%2), uploading…</source>
        <translation>%1 (%2), sedang diunggah…</translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>File uploaded.</source>
        <translation>Berkas terunggah.</translation>
    </message>
    <message>
        <source>This template starts with a file: choose one.</source>
        <translation>Templat ini diawali sebuah berkas: pilih berkasnya.</translation>
    </message>
    <message>
        <source>Fill in every field first</source>
        <translation>Isi semua kolom dulu</translation>
    </message>
    <message>
        <source>Send a template</source>
        <translation>Kirim templat</translation>
    </message>
    <message>
        <source>Filter by name or language</source>
        <translation>Saring menurut nama atau bahasa</translation>
    </message>
    <message>
        <source>Filter templates</source>
        <translation>Saring templat</translation>
    </message>
    <message>
        <source>Approved templates</source>
        <translation>Templat yang disetujui</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkronkan</translation>
    </message>
    <message>
        <source>Fetch the templates from WhatsApp again</source>
        <translation>Ambil ulang templat dari WhatsApp</translation>
    </message>
    <message>
        <source>No approved templates yet.</source>
        <translation>Belum ada templat yang disetujui.</translation>
    </message>
    <message>
        <source>Pick a template on the left.</source>
        <translation>Pilih templat di sebelah kiri.</translation>
    </message>
    <message>
        <source>What the customer sees</source>
        <translation>Yang dilihat pelanggan</translation>
    </message>
    <message>
        <source>Send template</source>
        <translation>Kirim templat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::TransferDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · ● online</source>
        <translation>%1 · ● daring</translation>
    </message>
    <message>
        <source>%1 · away</source>
        <translation>%1 · sedang pergi</translation>
    </message>
    <message>
        <source>%1 · offline</source>
        <translation>%1 · luring</translation>
    </message>
    <message>
        <source>Transfer chat</source>
        <translation>Alihkan chat</translation>
    </message>
    <message>
        <source>Team, name or username</source>
        <translation>Tim, nama, atau nama pengguna</translation>
    </message>
    <message>
        <source>Filter teams and colleagues</source>
        <translation>Saring tim dan rekan</translation>
    </message>
    <message>
        <source>Teams and colleagues</source>
        <translation>Tim dan rekan</translation>
    </message>
    <message>
        <source>&amp;Note for them (optional; only the team sees it):</source>
        <translation>&amp;Catatan untuk penerima (opsional; hanya tim yang melihatnya):</translation>
    </message>
    <message>
        <source>Transfer note</source>
        <translation>Catatan pengalihan</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Alihkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Loading teams and colleagues…</source>
        <translation>Memuat tim dan rekan…</translation>
    </message>
    <message>
        <source>There are no teams or colleagues to hand this chat to.</source>
        <translation>Tidak ada tim atau rekan untuk menerima chat ini.</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Tidak ada yang cocok.</translation>
    </message>
    <message>
        <source>&amp;Hand this chat to a team&apos;s queue or a colleague. Type to filter, Enter transfers.</source>
        <translation>&amp;Serahkan chat ini ke antrean tim atau rekan. Ketik untuk menyaring, Enter mengalihkan.</translation>
    </message>
    <message>
        <source>Team %1 · members: %2</source>
        <translation>Tim %1 · anggota: %2</translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::TrayNotifier</name>
    <message>
        <source>Chat assigned to you</source>
        <translation>Obrolan ditugaskan kepada Anda</translation>
    </message>
    <message>
        <source>%1 is now yours to answer.</source>
        <translation>%1 sekarang menjadi tanggung jawab Anda.</translation>
    </message>
    <message>
        <source>A customer asks for a person</source>
        <translation>Pelanggan meminta dilayani manusia</translation>
    </message>
    <message>
        <source>%1 is waiting for an agent.</source>
        <translation>%1 sedang menunggu agen.</translation>
    </message>
    <message numerus="yes">
        <source>Serambi — %n unread message(s)</source>
        <translation>
            <numerusform>Serambi — %n pesan belum dibaca</numerusform>
        </translation>
    </message>
    <message>
        <source>Serambi</source>
        <translation>Serambi</translation>
    </message>
    <message>
        <source>A colleague mentioned you</source>
        <translation>Rekan menyebut Anda</translation>
    </message>
    <message>
        <source>A note in the chat with %1 mentions you.</source>
        <translation>Sebuah catatan di chat dengan %1 menyebut Anda.</translation>
    </message>
</context>
</TS>
