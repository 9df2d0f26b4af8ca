import { randomUUID } from "node:crypto";
import { ROOT_CONTEXT, SpanKind, defaultTextMapGetter, defaultTextMapSetter, trace, type Context } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { recordError } from "../errors";
import type { Lifecycle } from "../lifecycle";
import * as sc from "../semconv";
import type { ShopService } from "../service";

// The notification service consumes a queue of shop events ("order.paid") and sends the
// shopper an e-mail. Publishing is a PRODUCER span in the sender, consuming a CONSUMER span in
// the notification service, parented by the producer's context carried in the message headers
// (messaging semantic conventions), so a paid order's trace reaches the e-mail.

export interface ShopEvent {
  type: "order.paid";
  orderId: string;
  customerId: string;
}

interface Message {
  id: string;
  event: ShopEvent;
  headers: Record<string, string>;
}

const QUEUE = "notifications";
const SYSTEM = "in-process"; // the queue lives in the shop's process; no broker is pretended
const propagator = new W3CTraceContextPropagator();
/**
 * The depth the queue is sized for, reported as a gauge beside the depth so Sightline can
 * forecast when the queue fills (as a broker reports its max-length setting). The in-process
 * queue itself does not refuse messages past it.
 */
export const QUEUE_CAPACITY = 200;

export class NotificationQueue {
  private readonly messages: Message[] = [];
  private draining = false;
  private readonly sent;

  constructor(
    private readonly consumer: ShopService,
    private readonly lifecycle: Lifecycle,
    private readonly sendMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    consumer.meter
      .createObservableGauge(sc.METRIC_QUEUE_DEPTH, { unit: "{message}", description: "Messages waiting in the queue." })
      .addCallback((result) => result.observe(this.messages.length, { [sc.ATTR_MESSAGING_DESTINATION_NAME]: QUEUE }));
    consumer.meter
      .createObservableGauge(sc.METRIC_QUEUE_CAPACITY, { unit: "{message}", description: "Messages the queue is sized to hold." })
      .addCallback((result) => result.observe(QUEUE_CAPACITY, { [sc.ATTR_MESSAGING_DESTINATION_NAME]: QUEUE }));
    this.sent = consumer.meter.createCounter("shop.notifications.sent", { unit: "{message}", description: "Notifications sent, by outcome." });
  }

  get depth(): number {
    return this.messages.length;
  }

  /** Sends `event` from `producer` (a PRODUCER span in its trace) and wakes the consumer. */
  publish(producer: ShopService, ctx: Context, event: ShopEvent): void {
    const id = randomUUID();
    const span = producer.tracer.startSpan(`send ${QUEUE}`, {
      kind: SpanKind.PRODUCER,
      attributes: {
        [sc.ATTR_MESSAGING_SYSTEM]: SYSTEM,
        [sc.ATTR_MESSAGING_DESTINATION_NAME]: QUEUE,
        [sc.ATTR_MESSAGING_OPERATION_TYPE]: "send",
        [sc.ATTR_MESSAGING_OPERATION_NAME]: "send",
        [sc.ATTR_MESSAGING_MESSAGE_ID]: id,
        [sc.ATTR_ORDER_ID]: event.orderId,
      },
    }, ctx);
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(ctx, span), headers, defaultTextMapSetter);
    this.messages.push({ id, event, headers });
    span.end();
    if (!this.draining) {
      this.draining = true;
      this.lifecycle.spawn(() => this.drain(), this.onError);
    }
  }

  private async drain(): Promise<void> {
    try {
      for (let message = this.messages.shift(); message; message = this.messages.shift()) await this.process(message);
    } finally {
      this.draining = false;
    }
  }

  private async process(message: Message): Promise<void> {
    const parent = propagator.extract(ROOT_CONTEXT, message.headers, defaultTextMapGetter);
    const span = this.consumer.tracer.startSpan(`process ${QUEUE}`, {
      kind: SpanKind.CONSUMER,
      attributes: {
        [sc.ATTR_MESSAGING_SYSTEM]: SYSTEM,
        [sc.ATTR_MESSAGING_DESTINATION_NAME]: QUEUE,
        [sc.ATTR_MESSAGING_OPERATION_TYPE]: "process",
        [sc.ATTR_MESSAGING_OPERATION_NAME]: "process",
        [sc.ATTR_MESSAGING_MESSAGE_ID]: message.id,
        [sc.ATTR_ORDER_ID]: message.event.orderId,
        [sc.ATTR_ENDUSER_ID]: message.event.customerId,
        "notification.channel": "email",
        "notification.template": message.event.type,
      },
    }, parent);
    try {
      await this.lifecycle.sleep(this.sendMs * (0.5 + Math.random())); // rendering and handing the mail to the relay
      this.sent.add(1, { outcome: "sent" });
    } catch (error) {
      recordError(span, error);
      this.sent.add(1, { outcome: "failed" });
      throw error;
    } finally {
      span.end();
    }
  }
}
