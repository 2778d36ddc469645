import { Module } from '@nestjs/common';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { NotificationPruner } from './notification-pruner';
import { NotificationSender } from './notification-sender';
import { HttpSmsNotifier, LogNotifier, NOTIFIER } from './notifier';

@Module({
  providers: [
    {
      provide: NOTIFIER,
      inject: [REQUEST_CONFIG],
      useFactory: (c: RequestConfig) =>
        c.SMS_GATEWAY_URL ? new HttpSmsNotifier(c.SMS_GATEWAY_URL, c.NOTIFY_TIMEOUT_MS) : new LogNotifier(),
    },
    NotificationSender,
    NotificationPruner,
  ],
})
export class NotificationsModule {}
