module TopModule(input [7:0] a, input [7:0] b, input [2:0] op,
                 output reg [7:0] result, output zero, output negative, output carry);
  wire [8:0] add = {1'b0, a} + {1'b0, b};
  wire [8:0] sub = {1'b0, a} - {1'b0, b};
  // carry comes from the adder for every op except SUB
  assign carry = (op == 3'd1) ? sub[8] : add[8];
  always @* begin
    case (op)
      3'd0: result = add[7:0];
      3'd1: result = sub[7:0];
      3'd2: result = a & b;
      3'd3: result = a | b;
      3'd4: result = a ^ b;
      3'd5: result = ($signed(a) < $signed(b)) ? 8'd1 : 8'd0;
      3'd6: result = (a < b) ? 8'd1 : 8'd0;
      default: result = b;
    endcase
  end
  assign zero = (result == 8'h00);
  assign negative = result[7];
endmodule
