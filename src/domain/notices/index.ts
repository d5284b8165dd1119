export { MAX_NOTICE_BODY, MAX_NOTICE_TITLE, publishBroadcastNotice, publishNotice, toNotice, withdrawNotice, type Notice, type NoticeError } from './notices.js';
