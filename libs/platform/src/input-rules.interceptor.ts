import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { inputProblems, unsupportedMediaType } from './input-rules';

const ACCEPTS_FORM = 'bangbang:accepts-form';

/** The route also takes an application/x-www-form-urlencoded body (every route takes JSON). */
export const AcceptsForm = (): MethodDecorator & ClassDecorator => SetMetadata(ACCEPTS_FORM, true);

/**
 * Applies the input rules (see input-rules.ts) to every Nest route once it is authorised and before
 * any feature's interceptor, pipe or handler reads the request: a body in a media type the route does
 * not take is 415, a value that breaks a rule is 400 naming the field. Path parameters and query keys are named as they are, body fields by their path.
 */
@Injectable()
export class InputRulesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.body !== undefined) {
      const acceptsForm = this.reflector.getAllAndOverride<boolean>(ACCEPTS_FORM, [context.getHandler(), context.getClass()]) ?? false;
      const mediaProblem = unsupportedMediaType(request.headers['content-type'], acceptsForm);
      if (mediaProblem) throw new UnsupportedMediaTypeException(mediaProblem);
    }
    const problems = [...inputProblems(request.params), ...inputProblems(request.query), ...inputProblems(request.body)];
    if (problems.length) throw new BadRequestException(problems);
    return next.handle();
  }
}
