import { getLogger } from '@bangbang/observability';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { open311Errors } from './open311-format';

interface Reply {
  status(code: number): Reply;
  send(body: unknown): void;
}

/** Every Open311 error, ours or the validation pipe's, as GeoReport's array of {code, description}. */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly log = getLogger('open311');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<Reply>();
    if (!(error instanceof HttpException)) {
      this.log.error({ err: error }, 'open311 request failed');
      reply.status(500).send(open311Errors(500, ['internal error; try again later']));
      return;
    }
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: string | string[] }).message ?? error.message);
    reply.status(status).send(open311Errors(status, Array.isArray(message) ? message : [message]));
  }
}
