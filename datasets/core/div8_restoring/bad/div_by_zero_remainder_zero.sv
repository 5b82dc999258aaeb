module TopModule(input [7:0] dividend, input [7:0] divisor,
                 output [7:0] quotient, output [7:0] remainder);
  assign quotient  = (divisor == 8'd0) ? 8'hFF : dividend / divisor;
  assign remainder = (divisor == 8'd0) ? 8'h00 : dividend % divisor;
endmodule
