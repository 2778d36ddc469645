import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CreateRequestDto } from './create-request.dto';
import { RequestsService } from './requests.service';
import { ServiceRequest } from './service-request.entity';

@Controller('requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Post()
  create(@Body() dto: CreateRequestDto): Promise<ServiceRequest> {
    return this.requests.create(dto);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ServiceRequest> {
    return this.requests.get(id);
  }
}
